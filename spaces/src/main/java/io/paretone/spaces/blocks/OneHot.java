package io.paretone.spaces.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.SparseFormat;
import io.paretone.spaces.runtime.DeviceConstants;

/**
 * One-hot vectors as rows of an identity matrix kept on the device ({@link DeviceConstants}): one
 * gather kernel per call. DJL's {@code NDArray.oneHot} runs PyTorch's {@code one_hot} and a cast
 * to float32, three kernels (a zero fill, a scatter, the cast), and WaveNet and SampleRNN one-hot
 * their input at every training step and every generated sample (PixelCNN its targets at every step), where a small model's step costs
 * the host about as much per kernel as per convolution (docs/gpu.md). The values are the same exact
 * zeros and ones.
 */
public final class OneHot {
    private OneHot() {}

    /**
     * Float32 one-hot vectors of int64 {@code classes} in [0, depth): shaped as the classes with a
     * last axis of {@code depth}, as {@code classes.oneHot(depth)} gives them.
     */
    public static NDArray of(NDArray classes, int depth) {
        NDArray identity = DeviceConstants.identity(classes.getDevice(), depth);
        return classes.getNDArrayInternal()
                .embedding(classes, identity, SparseFormat.DENSE)
                .singletonOrThrow();
    }
}
