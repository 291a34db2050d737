package io.paretone.spaces.image;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import io.paretone.spaces.blocks.TapConv2d;
import io.paretone.spaces.blocks.UpsampleConv;

/** The layers image families are built from, each countable by the FLOP counter. */
public final class ImageLayers {
    /** Leaky ReLU slope of DCGAN's discriminator, used by every image family. */
    public static final float SLOPE = 0.2f;

    private ImageLayers() {}

    /** A k x k convolution ({@link TapConv2d}) padded by k / 2: stride 1 keeps the size, stride 2 halves it. */
    public static Block conv(int kernel, int stride, int filters) {
        return TapConv2d.padded(kernel, stride, filters);
    }

    /**
     * The stand-in for a transposed convolution of stride 2 (DCGAN's and the decoders' upsampling
     * layers): nearest-neighbour upsampling by 2, then a padded k x k convolution, counted as the
     * transposed convolution it stands for.
     */
    public static Block upsampleConv(int kernel, int filters) {
        return UpsampleConv.of(2, conv(kernel, 1, filters));
    }

    public static Block leakyRelu() {
        return Activation.leakyReluBlock(SLOPE);
    }
}
