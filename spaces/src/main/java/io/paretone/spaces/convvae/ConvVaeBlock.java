package io.paretone.spaces.convvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.paretone.spaces.image.ImageFormat;
import io.paretone.spaces.image.ImageLayers;
import io.paretone.spaces.image.LatentImageBlock;
import io.paretone.spaces.image.Unflatten;
import io.paretone.spaces.training.StepContext;

/**
 * The VAE's encoder (training only) and decoder (generation). The root block's forward pass decodes
 * latents {@code [B, Z]} to images {@code [B, C, H, W]}; a training example is counted as one
 * image encoded and its latent decoded.
 */
public final class ConvVaeBlock extends LatentImageBlock {
    private static final byte VERSION = 1;

    private final ConvVaeArchitecture arch;
    private final SequentialBlock encoder;
    private final SequentialBlock decoder;

    ConvVaeBlock(ConvVaeArchitecture arch) {
        super(VERSION);
        this.arch = arch;
        ImageFormat f = arch.format();
        int c = arch.channels();
        int k = arch.kernelSize();
        encoder = addChildBlock(
                "encoder",
                new SequentialBlock()
                        .add(ImageLayers.conv(k, 2, c))
                        .add(ImageLayers.leakyRelu())
                        .add(ImageLayers.conv(k, 2, 2 * c))
                        .add(ImageLayers.leakyRelu())
                        .add(Blocks.batchFlattenBlock())
                        .add(Linear.builder().setUnits(2L * arch.latent()).build()));
        decoder = addChildBlock(
                "decoder",
                new SequentialBlock()
                        .add(Linear.builder()
                                .setUnits(2L * c * (f.height() / 4) * (f.width() / 4))
                                .build())
                        .add(new Unflatten(new Shape(2L * c, f.height() / 4, f.width() / 4)))
                        .add(ImageLayers.leakyRelu())
                        .add(ImageLayers.upsampleConv(k, 2 * c))
                        .add(ImageLayers.leakyRelu())
                        .add(ImageLayers.upsampleConv(k, c))
                        .add(ImageLayers.leakyRelu())
                        .add(ImageLayers.conv(k, 1, f.channels()))
                        .add(Activation.tanhBlock()));
    }

    public ConvVaeArchitecture architecture() {
        return arch;
    }

    public Block encoder() {
        return encoder;
    }

    public Block decoder() {
        return decoder;
    }

    /** The posterior's mean and log-variance, each {@code [B, Z]}, of images {@code [B, C, H, W]}. */
    NDArray[] encode(StepContext context, NDArray images) {
        NDArray h =
                encoder.forward(context.parameters(), new NDList(images), true).singletonOrThrow();
        NDArray mean = h.get(":, 0:" + arch.latent());
        NDArray logVariance = context.clip(h.get(":, " + arch.latent() + ":"), -10, 10);
        return new NDArray[] {mean, logVariance};
    }

    @Override
    protected ImageFormat format() {
        return arch.format();
    }

    @Override
    protected Block generating() {
        return decoder;
    }

    @Override
    protected Block reading() {
        return encoder;
    }
}
