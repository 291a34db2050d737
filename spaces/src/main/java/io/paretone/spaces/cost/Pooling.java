package io.paretone.spaces.cost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Max or average pooling over the spatial axes ({@code [N, C, T]}, {@code [N, C, H, W]}) with a
 * kernel the FLOP counter can read. DJL's {@code Pool.maxPool1dBlock(...)} and friends are lambda
 * blocks that hide their kernel, so they cannot be counted; use this block instead.
 *
 * <p>FLOPs per output element: K - 1 comparisons for max pooling, K - 1 additions and one
 * multiplication by 1/K for average pooling (K = taps of the kernel; padding counts as taps).
 * Output length per axis: floor((L + 2p - k) / s) + 1.
 */
public final class Pooling extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;

    /** What a pooling window computes. */
    public enum Kind {
        MAX,
        AVERAGE
    }

    private final Kind kind;
    private final Shape kernel;
    private final Shape stride;
    private final Shape padding;

    private Pooling(Kind kind, Shape kernel, Shape stride, Shape padding) {
        super(VERSION);
        if (kernel.dimension() != stride.dimension() || kernel.dimension() != padding.dimension()) {
            throw new IllegalArgumentException("kernel " + kernel + ", stride " + stride + " and padding " + padding
                    + " must have one entry per spatial axis");
        }
        this.kind = kind;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    public static Pooling max(Shape kernel, Shape stride, Shape padding) {
        return new Pooling(Kind.MAX, kernel, stride, padding);
    }

    public static Pooling average(Shape kernel, Shape stride, Shape padding) {
        return new Pooling(Kind.AVERAGE, kernel, stride, padding);
    }

    public Kind kind() {
        return kind;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = kind == Kind.MAX
                ? x.getNDArrayInternal().maxPool(kernel, stride, padding, false)
                : x.getNDArrayInternal().avgPool(kernel, stride, padding, false, true);
        return new NDList(y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long[] dims = inputShapes[0].getShape().clone(); // getShape() is the shape's own array
        if (dims.length != kernel.dimension() + 2) {
            throw new IllegalArgumentException("pooling with a " + kernel.dimension() + "-D kernel needs "
                    + (kernel.dimension() + 2) + "-D input [N, C, ...], got " + inputShapes[0]);
        }
        for (int i = 0; i < kernel.dimension(); i++) {
            dims[2 + i] = (dims[2 + i] + 2 * padding.get(i) - kernel.get(i)) / stride.get(i) + 1;
        }
        return new Shape[] {new Shape(dims)};
    }

    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        long outputs = getOutputShapes(inputShapes)[0].size();
        long taps = kernel.size();
        return outputs * (kind == Kind.MAX ? taps - 1 : taps);
    }
}
