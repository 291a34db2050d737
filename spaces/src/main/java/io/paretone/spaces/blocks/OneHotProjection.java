package io.paretone.spaces.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;

/**
 * An embedding of classes given one-hot: {@code [B, classes, T]} to {@code [B, filters, T]} by a
 * bias-free 1x1 convolution, whose output at each position is the weight column of the hot class.
 * The architecture is an embedding table (WaveNet's and SampleRNN's input layers); the dense
 * product over the one-hot axis is how it is run here, so the block is counted as what it computes:
 * an embedding lookup, 0 FLOPs, as the counter prices DJL's embeddings. The product it runs instead
 * costs 2 x B x T x classes x filters.
 */
public final class OneHotProjection extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;
    private final Block conv;

    public OneHotProjection(int filters) {
        super(VERSION);
        conv = addChildBlock(
                "conv",
                Conv1d.builder()
                        .setKernelShape(new Shape(1))
                        .setFilters(filters)
                        .optBias(false)
                        .build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return conv.forward(ps, inputs, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
    }

    /** A lookup: each output column is copied from the weights, no arithmetic. */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        return 0;
    }
}
