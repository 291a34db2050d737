package io.paretone.spaces.cost;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * Counts the forward FLOPs of a block at given input shapes, 1 multiply-add = 2 FLOPs. Implemented
 * by the evaluators' counter; model families call it for their child layers.
 */
public interface LayerFlops {
    long of(Block block, Shape... inputShapes);
}
