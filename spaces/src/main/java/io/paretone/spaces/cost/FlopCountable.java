package io.paretone.spaces.cost;

import ai.djl.ndarray.types.Shape;

/**
 * A block that states its own forward FLOPs: it asks the counter for each child layer, once per
 * time it applies that child, and adds the arithmetic it does itself (gates, additions, products),
 * one FLOP per element-wise operation and output element; data movement (concatenation, slicing,
 * padding, copying) is no arithmetic and counts zero.
 *
 * <p>The counter splits FLOPs into work of layers with trainable weights (whose backward pass
 * costs about twice the forward) and the rest (about once): what the block adds on top of its
 * children counts as weightless, unless the block itself has trainable parameters. So a block
 * calls {@link LayerFlops#of} for every application of a child rather than multiplying one count,
 * so that the counter sees every FLOP of a weighted layer as such.
 *
 * <p>A block with children that neither implements this interface nor is a container the counter
 * knows ({@code SequentialBlock}) cannot be counted, and the counter says so.
 */
public interface FlopCountable {
    long forwardFlops(LayerFlops counter, Shape... inputShapes);
}
