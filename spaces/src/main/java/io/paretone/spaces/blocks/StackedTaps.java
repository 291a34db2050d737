package io.paretone.spaces.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * The tap convolutions' layout: the input's shifted copies at each kernel tap stacked on the channel
 * axis channel by channel, so stacked channel {@code c T + t} is input channel c at tap t. The 1x1
 * mix's weights {@code [F, C x T, 1...]} in that order are, reshaped, the kernel {@code [F, C, T]}
 * of the native convolution: a view, with no copy and no transpose, so on a GPU the native path costs
 * the engine no more operations than a plain convolution would.
 */
public final class StackedTaps {
    private StackedTaps() {}

    /** The taps {@code [B, C, ...]} stacked as {@code [B, C x T, ...]}, channel by channel. */
    public static NDArray of(NDList taps) {
        if (taps.size() == 1) {
            return taps.get(0);
        }
        NDArray stacked = NDArrays.stack(taps, 2); // [B, C, T, ...]
        long[] s = stacked.getShape().getShape();
        long[] merged = new long[s.length - 1];
        merged[0] = s[0];
        merged[1] = s[1] * s[2];
        System.arraycopy(s, 3, merged, 2, s.length - 3);
        return stacked.reshape(new Shape(merged));
    }

    /** The mix's weights {@code [F, C x T, 1...]} as the kernel over the taps, {@code [F, C, T]}. */
    public static NDArray kernel(NDArray mixWeights, int taps) {
        Shape s = mixWeights.getShape();
        return mixWeights.reshape(s.get(0), s.get(1) / taps, taps);
    }

    /**
     * Moves a freshly initialised mix's weights {@code [F, T x C, 1...]} from the tap-by-tap order in
     * which they are drawn (channel c at tap t on stacked channel {@code t C + c}) to this layout, so
     * the same seed gives the same network as when taps were stacked tap by tap (before 2026-12-02):
     * earlier studies' seeds train the same candidates.
     */
    public static void drawnTapByTap(Block mix, int taps) {
        NDArray w = mix.getParameters().get("weight").getArray();
        long[] s = w.getShape().getShape();
        long filters = s[0];
        long channels = s[1] / taps;
        if (taps == 1 || channels == 1) {
            return; // both orders are the same (and the reshape below would be a view, not a copy)
        }
        boolean trained = w.hasGradient();
        // A copy in the new order (reshaping the transposed view copies it); the parameter's array
        // then holds it, and requires a gradient again if it did.
        w.intern(w.reshape(filters, taps, channels).transpose(0, 2, 1).reshape(w.getShape()));
        if (trained) {
            w.setRequiresGradient(true);
        }
    }
}
