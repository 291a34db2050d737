package io.paretone.spaces.image;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;

/** The layers image families are built from, each countable by the FLOP counter. */
public final class ImageLayers {
    /** Leaky ReLU slope of DCGAN's discriminator, used by every image family. */
    public static final float SLOPE = 0.2f;

    private ImageLayers() {}

    /** A k x k convolution ({@link TapConv2d}) padded by k / 2: stride 1 keeps the size, stride 2 halves it. */
    public static Block conv(int kernel, int stride, int filters) {
        return TapConv2d.padded(kernel, stride, filters);
    }

    public static Block leakyRelu() {
        return Activation.leakyReluBlock(SLOPE);
    }
}
