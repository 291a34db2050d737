package io.paretone.spaces.blocks;

import ai.djl.ndarray.NDArray;
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
import java.util.ArrayList;
import java.util.List;

/**
 * A two-dimensional convolution computed by its definition, as {@code TapConv1d} does in time: the
 * shifted (and strided) copies of the input at each kernel tap are stacked on the channel axis and
 * mixed by a 1 x 1 {@link Conv2d}, so only the 1 x 1 path of PyTorch's CPU convolution runs (its
 * wider kernels' backward pass gave random NaN gradients on this project's machines; the image
 * VAE and PixelCNN hit it within a few steps). Same function, weights and multiply-adds as a
 * convolution over the taps used.
 *
 * <p>{@link #causal} keeps only the taps above and to the left of the centre: PixelCNN's masked
 * convolution (van den Oord et al. 2016) without the masked-out weights, so a pixel sees only
 * earlier pixels in raster order. Mask A (first layer) also leaves out the centre tap.
 *
 * <p>On a GPU ({@link TapConv1d#nativeOn}) the same weights run as one native convolution (cuDNN):
 * the taps used are always the first ones in raster order (all of them, or a causal prefix), and
 * stacked channel by channel ({@link StackedTaps}), so the mix's weights, followed by zeros for the
 * taps left out, are the k x k kernel.
 */
public final class TapConv2d extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;

    private final int kernel;
    private final int stride;
    private final List<int[]> taps;
    private final Block mix;

    private TapConv2d(int kernel, int stride, int filters, List<int[]> taps) {
        super(VERSION);
        Check.that(kernel % 2 == 1, "kernel", kernel, "must be odd to pad it symmetrically");
        this.kernel = kernel;
        this.stride = Check.positive("stride", stride);
        this.taps = List.copyOf(taps);
        for (int t = 0; t < taps.size(); t++) {
            // The native path relies on it (kernelWeights).
            Check.that(
                    taps.get(t)[0] * kernel + taps.get(t)[1] == t,
                    "tap",
                    t,
                    "must be the taps' first ones in raster order");
        }
        mix = addChildBlock(
                "mix",
                Conv2d.builder()
                        .setKernelShape(new Shape(1, 1))
                        .setFilters(filters)
                        .build());
    }

    /** A k x k convolution padded by k / 2: stride 1 keeps the size, stride 2 halves it (rounding up). */
    public static TapConv2d padded(int kernel, int stride, int filters) {
        List<int[]> taps = new ArrayList<>();
        for (int y = 0; y < kernel; y++) {
            for (int x = 0; x < kernel; x++) {
                taps.add(new int[] {y, x});
            }
        }
        return new TapConv2d(kernel, stride, filters, taps);
    }

    /** PixelCNN's masked k x k convolution, stride 1: the taps of rows above, and left of the centre (and the centre for mask B). */
    public static TapConv2d causal(int kernel, int filters, boolean maskA) {
        List<int[]> taps = new ArrayList<>();
        int c = kernel / 2;
        for (int y = 0; y <= c; y++) {
            for (int x = 0; x < kernel; x++) {
                if (y < c || x < c || (x == c && !maskA)) {
                    taps.add(new int[] {y, x});
                }
            }
        }
        return new TapConv2d(kernel, 1, filters, taps);
    }

    /** The kernel positions used, {row, column} from the top left. */
    List<int[]> taps() {
        return taps;
    }

    private long out(long size) {
        return (size + 2L * (kernel / 2) - kernel) / stride + 1;
    }

    private Shape stacked(Shape in) {
        return new Shape(in.get(0), in.get(1) * taps.size(), out(in.get(2)), out(in.get(3)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray x = inputs.singletonOrThrow();
        if (kernel == 1 && stride == 1) {
            return mix.forward(ps, inputs, training);
        }
        return TapConv1d.nativeOn(x.getDevice()) ? natively(ps, x, training) : byTaps(ps, x, training);
    }

    /** The taps stacked on the channel axis and mixed by the 1 x 1 convolution. */
    NDList byTaps(ParameterStore ps, NDArray x, boolean training) {
        int pad = kernel / 2;
        long outH = out(x.getShape().get(2));
        long outW = out(x.getShape().get(3));
        NDArray padded = x.pad(new Shape(pad, pad, pad, pad), 0);
        NDList views = new NDList(taps.size());
        String step = stride > 1 ? ":" + stride : "";
        for (int[] t : taps) {
            views.add(padded.get(":, :, " + t[0] + ":" + (t[0] + stride * (outH - 1) + 1) + step + ", " + t[1] + ":"
                    + (t[1] + stride * (outW - 1) + 1) + step));
        }
        return mix.forward(ps, new NDList(StackedTaps.of(views)), training);
    }

    /** The same function by the engine's convolution (cuDNN on a GPU), on the same weights rearranged. */
    NDList natively(ParameterStore ps, NDArray x, boolean training) {
        NDArray w = ps.getValue(mix.getParameters().get("weight"), x.getDevice(), training);
        NDArray b = mix.getParameters().contains("bias")
                ? ps.getValue(mix.getParameters().get("bias"), x.getDevice(), training)
                : null;
        int pad = kernel / 2;
        return Conv2d.conv2d(x, kernelWeights(w), b, new Shape(stride, stride), new Shape(pad, pad), new Shape(1, 1));
    }

    /**
     * The mix's weights {@code [F, C x T, 1, 1]} (channel c at tap t on stacked channel {@code c T + t})
     * as the k x k kernel {@code [F, C, k, k]}, zero at the taps left out (a raster-order suffix), in
     * its device's layout ({@link KernelLayout}).
     */
    private NDArray kernelWeights(NDArray mixWeights) {
        NDArray used = StackedTaps.kernel(mixWeights, taps.size()); // [F, C, T]
        int missing = kernel * kernel - taps.size();
        Shape s = used.getShape();
        NDArray all = missing == 0
                ? used
                : used.concat(mixWeights.getManager().zeros(new Shape(s.get(0), s.get(1), missing)), 2);
        return KernelLayout.of(all.reshape(s.get(0), s.get(1), kernel, kernel));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return mix.getOutputShapes(new Shape[] {stacked(inputShapes[0])});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        mix.initialize(manager, dataType, stacked(inputShapes[0]));
        StackedTaps.drawnTapByTap(mix, taps.size());
    }

    /** The stacked taps are copies; the 1 x 1 mix is all the arithmetic. */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        return counter.of(mix, stacked(inputShapes[0]));
    }
}
