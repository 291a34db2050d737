package io.paretone.spaces.blocks;

import ai.djl.ndarray.NDArray;

/**
 * The memory layout in which a convolution kernel is handed to the engine, chosen by its device.
 * PyTorch picks its convolution implementation by the kernel's layout, and each device has one layout
 * that is both fast and right:
 * <ul>
 *   <li><b>GPU: row-major</b>, as parameters are, so the kernel is passed as it is. A channels-last
 *       kernel (the tap convolutions' weights were one, when taps were stacked tap by tap and the
 *       kernel made by a transpose) makes cuDNN run channels-last, with layout conversions around it,
 *       and return a channels-last output, so every later elementwise operation runs on strided
 *       arrays: on the H200 (CUPTI kernel times), 30% more GPU time per step for a 30-layer WaveNet
 *       at batch 64 and 20% for the largest VAE.
 *   <li><b>CPU: channels-last.</b> With a row-major kernel PyTorch 2.7.1 runs oneDNN's blocked-layout
 *       backward-data convolution, whose input gradients are wrong for batches of 2 or more (off by
 *       up to about 8 on unit-normal data, or NaN: {@code ConvBackwardProbe}); with a channels-last
 *       kernel it runs oneDNN's channels-last path, which is right. A kernel of one input channel is
 *       the same array in both layouts, so it cannot be helped this way.
 * </ul>
 */
public final class KernelLayout {
    private KernelLayout() {}

    /**
     * A row-major {@code kernel} ({@code [F, C, k...]}: a parameter, or a reshaped view of one) in the
     * layout its device's convolution should get: itself on a GPU, a channels-last copy on a CPU.
     */
    public static NDArray of(NDArray kernel) {
        return kernel.getDevice().isGpu() ? kernel : channelsLast(kernel);
    }

    /**
     * {@code a} in row-major order, copied only if it is not already: flattening a permuted view
     * copies it, and unflattening the copy is a view.
     */
    static NDArray rowMajor(NDArray a) {
        return a.reshape(-1).reshape(a.getShape());
    }

    /** {@code kernel} with its input-channel axis innermost in memory: the same values, permuted strides. */
    static NDArray channelsLast(NDArray kernel) {
        int dims = kernel.getShape().dimension();
        int[] last = new int[dims];
        int[] back = new int[dims];
        for (int i = 0; i < dims; i++) {
            last[i] = i == 0 ? 0 : i == dims - 1 ? 1 : i + 1; // [F, C, k...] -> [F, k..., C]
            back[last[i]] = i;
        }
        return rowMajor(kernel.transpose(last)).transpose(back);
    }
}
