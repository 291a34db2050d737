package io.paretone.spaces.blocks;

import ai.djl.ndarray.NDArray;

/**
 * The memory layout of the kernels the tap convolutions hand to the engine's own convolution.
 *
 * <p>A tap layout's weights rearranged as a kernel by a transpose are a permuted view whose strides
 * are those of a channels-last array, and PyTorch picks its convolution by the kernel's layout:
 * <ul>
 *   <li>On a GPU, a channels-last kernel makes cuDNN run channels-last, with layout conversions around
 *       it, and return a channels-last output, so every later elementwise operation runs on strided
 *       arrays: on the H200 (CUPTI kernel times), 30% more GPU time per step for a 30-layer WaveNet at
 *       batch 64 and 20% for the largest VAE. There the kernel is copied into row-major order, one
 *       small copy per convolution and step.
 *   <li>On a CPU the permuted view is kept: with a row-major kernel PyTorch 2.7.1 runs oneDNN's
 *       blocked-layout backward-data convolution, whose input gradients are wrong for batches of 2 or
 *       more (off by up to about 8 on unit-normal data, or NaN: {@code ConvBackwardProbe}); the
 *       channels-last kernel runs oneDNN's channels-last path, which is right. (A kernel of one input channel is row-major either way;
 *       the CPU trains on stacked taps, and only tests run this path there.)
 * </ul>
 */
final class KernelLayout {
    private KernelLayout() {}

    /** {@code permuted} (a kernel made by a transpose) in the layout its device's convolution should get. */
    static NDArray forDevice(NDArray permuted) {
        return permuted.getDevice().isGpu() ? rowMajor(permuted) : permuted;
    }

    /**
     * {@code a} in row-major order, copied only if it is not already: flattening a permuted view
     * copies it, and unflattening the copy is a view.
     */
    static NDArray rowMajor(NDArray a) {
        return a.reshape(-1).reshape(a.getShape());
    }
}
