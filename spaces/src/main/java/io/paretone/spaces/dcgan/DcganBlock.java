package io.paretone.spaces.dcgan;

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

/**
 * The GAN's two players. The root block's forward pass generates images {@code [B, C, H, W]} from
 * latents {@code [B, latent]}; a training example is counted as one generated image and the
 * discriminator's pass over it.
 */
public final class DcganBlock extends LatentImageBlock {
    private static final byte VERSION = 1;

    private final DcganArchitecture arch;
    private final SequentialBlock generator;
    private final SequentialBlock discriminator;

    DcganBlock(DcganArchitecture arch) {
        super(VERSION);
        this.arch = arch;
        ImageFormat f = arch.format();
        int c = arch.generatorChannels();
        int k = arch.kernelSize();
        generator = addChildBlock(
                "generator",
                new SequentialBlock()
                        .add(Linear.builder()
                                .setUnits((long) c * (f.height() / 4) * (f.width() / 4))
                                .build())
                        .add(new Unflatten(new Shape(c, f.height() / 4, f.width() / 4)))
                        .add(Activation.reluBlock())
                        .add(ImageLayers.upsampleConv(k, c))
                        .add(Activation.reluBlock())
                        .add(ImageLayers.upsampleConv(k, c / 2))
                        .add(Activation.reluBlock())
                        .add(ImageLayers.conv(k, 1, f.channels()))
                        .add(Activation.tanhBlock()));
        int d = arch.discriminatorChannels();
        discriminator = addChildBlock(
                "discriminator",
                new SequentialBlock()
                        .add(ImageLayers.conv(k, 2, d))
                        .add(ImageLayers.leakyRelu())
                        .add(ImageLayers.conv(k, 2, 2 * d))
                        .add(ImageLayers.leakyRelu())
                        .add(Blocks.batchFlattenBlock())
                        .add(Linear.builder().setUnits(1).build()));
    }

    public DcganArchitecture architecture() {
        return arch;
    }

    public Block generator() {
        return generator;
    }

    public Block discriminator() {
        return discriminator;
    }

    @Override
    protected ImageFormat format() {
        return arch.format();
    }

    @Override
    protected Block generating() {
        return generator;
    }

    @Override
    protected Block reading() {
        return discriminator;
    }
}
