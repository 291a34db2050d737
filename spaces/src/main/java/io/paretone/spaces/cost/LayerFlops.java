package io.paretone.spaces.cost;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * Counts the forward FLOPs of a block at given input shapes, 1 multiply-add = 2 FLOPs. Implemented
 * by the evaluators' {@code FlopCounter}, which documents every rule; model families call it for
 * their child layers from {@link FlopCountable#forwardFlops}.
 */
public interface LayerFlops {
    /**
     * @param block a DJL layer, a container of layers, or a {@link FlopCountable} block
     * @param inputShapes the shapes the block receives, batch axis included
     * @throws IllegalStateException (the counter's {@code UncountableLayerException}) if there is no
     *     rule for the block's type: a layer is never counted as zero by omission
     */
    long of(Block block, Shape... inputShapes);
}
