package io.paretone.spaces.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;

/**
 * A "same" two-dimensional convolution of k x k taps (k odd, stride 1, zero padding k / 2),
 * computed as {@link TapConv1d} computes its one-dimensional kind and for the same reason (PyTorch's
 * CPU backward of convolutions wider than one tap gave random NaN gradients here): the k^2 shifted
 * views are stacked on the channel axis and mixed by a 1x1 convolution. Same function, same
 * weights rearranged, same multiply-adds. Input {@code [B, C, H, W]}, output
 * {@code [B, filters, H, W]}.
 */
public final class TapConv2d extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;
    private final int kernel;
    private final Block mix;

    public TapConv2d(int kernel, int filters) {
        super(VERSION);
        Check.that(kernel > 0 && kernel % 2 == 1, "kernel", kernel, "must be odd to keep the size");
        this.kernel = kernel;
        mix = addChildBlock("mix", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters).build());
    }

    private Shape taps(Shape in) {
        return new Shape(in.get(0), in.get(1) * kernel * kernel, in.get(2), in.get(3));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray x = inputs.singletonOrThrow();
        if (kernel == 1) {
            return mix.forward(ps, inputs, training);
        }
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        int pad = kernel / 2;
        NDArray padded = x.pad(new Shape(pad, pad, pad, pad), 0);
        NDList views = new NDList(kernel * kernel);
        for (int i = 0; i < kernel; i++) {
            for (int j = 0; j < kernel; j++) {
                views.add(padded.get(":, :, " + i + ":" + (i + h) + ", " + j + ":" + (j + w)));
            }
        }
        return mix.forward(ps, new NDList(NDArrays.concat(views, 1)), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return mix.getOutputShapes(new Shape[] {taps(inputShapes[0])});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        mix.initialize(manager, dataType, taps(inputShapes[0]));
    }

    /** As a k x k convolution: the stacked views are copies, the 1x1 mix is all the arithmetic. */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        return counter.of(mix, taps(inputShapes[0]));
    }
}
