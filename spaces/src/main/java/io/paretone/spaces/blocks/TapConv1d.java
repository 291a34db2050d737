package io.paretone.spaces.blocks;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;

/**
 * A one-dimensional convolution of {@code kernel} taps, computed by its definition: the taps
 * x[s t + j - p], j = 0..k-1, are stacked on the channel axis ({@link StackedTaps}) and mixed by a 1x1
 * convolution of {@code C_in x k} inputs. Same function, same number of weights and the same
 * multiply-adds as a k-wide kernel.
 *
 * <p>Why: on a CPU, PyTorch 2.7.1's native backward pass of a convolution wider than one tap gives
 * wrong or NaN input gradients ({@link KernelLayout}), which silently poisons training; the 1x1 path
 * is right. On a GPU the same weights run as one native convolution ({@link #nativeOn}), k times
 * less activation memory and faster. Input {@code [B, C, L]}, output
 * {@code [B, filters, (L + 2p - k) / s + 1]}.
 */
public final class TapConv1d extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Block mix;

    public TapConv1d(int kernel, int stride, int padding, int filters, boolean bias) {
        super(VERSION);
        this.kernel = Check.positive("kernel", kernel);
        this.stride = Check.positive("stride", stride);
        this.padding = Check.atLeast("padding", padding, 0);
        mix = addChildBlock(
                "mix",
                Conv1d.builder()
                        .setKernelShape(new Shape(1))
                        .setFilters(filters)
                        .optBias(bias)
                        .build());
    }

    /** A "same" convolution: odd kernel, stride 1, padded by kernel / 2 on each side. */
    public static TapConv1d same(int kernel, int filters) {
        Check.that(kernel % 2 == 1, "kernel", kernel, "must be odd to keep the length");
        return new TapConv1d(kernel, 1, kernel / 2, filters, true);
    }

    private long outputLength(long length) {
        return (length + 2L * padding - kernel) / stride + 1;
    }

    private Shape taps(Shape in) {
        return new Shape(in.get(0), in.get(1) * kernel, outputLength(in.get(2)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray x = inputs.singletonOrThrow();
        if (kernel == 1 && stride == 1 && padding == 0) {
            return mix.forward(ps, inputs, training);
        }
        return nativeOn(x.getDevice()) ? natively(ps, x, training) : byTaps(ps, x, training);
    }

    /**
     * Whether wide convolutions on a device run as the engine's own kernel. Not on a CPU: there
     * PyTorch 2.7's oneDNN backward pass of a convolution wider than one tap left NaN in the input
     * gradient now and then (uninitialised memory; docs/gpu.md, "Why a CPU uses taps").
     */
    public static boolean nativeOn(Device device) {
        return device.isGpu();
    }

    /** The taps stacked on the channel axis and mixed by the 1x1 convolution. */
    NDList byTaps(ParameterStore ps, NDArray input, boolean training) {
        NDArray x = input;
        if (padding > 0) {
            x = x.pad(new Shape(padding, padding), 0);
        }
        long out = outputLength(input.getShape().get(2));
        NDList views = new NDList(kernel);
        for (int j = 0; j < kernel; j++) {
            long end = j + stride * (out - 1) + 1;
            views.add(x.get(":, :, " + j + ":" + end + (stride > 1 ? ":" + stride : "")));
        }
        return mix.forward(ps, new NDList(StackedTaps.of(views)), training);
    }

    /** The same function by the engine's convolution (cuDNN on a GPU), on the same weights as a kernel. */
    NDList natively(ParameterStore ps, NDArray x, boolean training) {
        NDArray w = ps.getValue(mix.getParameters().get("weight"), x.getDevice(), training);
        NDArray b = mix.getParameters().contains("bias")
                ? ps.getValue(mix.getParameters().get("bias"), x.getDevice(), training)
                : null;
        return Conv1d.conv1d(x, kernelWeights(w, kernel), b, new Shape(stride), new Shape(padding), new Shape(1));
    }

    /**
     * The 1x1 mix's weights over the stacked taps, {@code [F, C x k, 1]}, as the k-wide kernel
     * {@code [F, C, k]}, in its device's layout ({@link KernelLayout}).
     */
    public static NDArray kernelWeights(NDArray mixWeights, int kernel) {
        return KernelLayout.of(StackedTaps.kernel(mixWeights, kernel));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return mix.getOutputShapes(new Shape[] {taps(inputShapes[0])});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        mix.initialize(manager, dataType, taps(inputShapes[0]));
        StackedTaps.drawnTapByTap(mix, kernel);
    }

    /** As a k-tap convolution: the stacked taps are copies, the 1x1 mix is all the arithmetic. */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        return counter.of(mix, taps(inputShapes[0]));
    }
}
