package io.paretone.spaces.cost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Nearest-neighbour upsampling of every spatial axis ({@code [N, C, T]} or {@code [N, C, H, W]})
 * by an integer factor: each value is repeated {@code factor} times. DJL has no upsampling layer
 * and its PyTorch engine has no transposed 1-D convolution, so generators upsample with this and
 * then convolve. Repetition copies data and does no arithmetic: it counts zero FLOPs.
 */
public final class Upsample extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;
    private final int factor;

    public Upsample(int factor) {
        super(VERSION);
        if (factor < 1) {
            throw new IllegalArgumentException("upsampling factor must be at least 1, got " + factor);
        }
        this.factor = factor;
    }

    public int factor() {
        return factor;
    }

    /** Each value of {@code [N, C, ...]} repeated {@code factor} times along every spatial axis. */
    public static NDArray nearest(NDArray x, int factor) {
        NDArray out = x;
        for (int axis = 2; factor > 1 && axis < out.getShape().dimension(); axis++) {
            out = out.repeat(axis, factor);
        }
        return out;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(nearest(inputs.singletonOrThrow(), factor));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long[] dims = inputShapes[0].getShape().clone(); // getShape() is the shape's own array
        for (int axis = 2; axis < dims.length; axis++) {
            dims[axis] *= factor;
        }
        return new Shape[] {new Shape(dims)};
    }

    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        return 0;
    }
}
