package io.paretone.spaces.cost;

import ai.djl.ndarray.types.Shape;

/**
 * A custom block that states its own forward FLOPs: it asks the counter for each child layer and
 * adds what it computes itself (gates, additions), one FLOP per element-wise operation and output
 * element. A block with children but without this interface cannot be counted.
 */
public interface FlopCountable {
    long forwardFlops(LayerFlops counter, Shape... inputShapes);
}
