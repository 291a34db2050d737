package io.paretone.spaces.dcgan;

import io.paretone.spaces.Architecture;
import io.paretone.spaces.BaseModelFamily;
import io.paretone.spaces.Domain;
import io.paretone.spaces.PublishedConfiguration;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import io.paretone.spaces.image.ImageFormat;
import io.paretone.spaces.training.AdversarialLosses;
import io.paretone.spaces.training.TrainingGenes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A DCGAN-style image GAN (Radford et al. 2016): a dense layer from the latent to a feature map a
 * quarter of the image's side, two upsample-and-convolve layers (nearest-neighbour upsampling then
 * a convolution, instead of the paper's transposed convolutions, which DJL's PyTorch engine lacks
 * for training here and which leave checkerboard artefacts), a convolution to the image's channels
 * and tanh; a discriminator of two stride-2 convolutions with leaky ReLU and a linear output.
 * Trained with the hinge loss or WGAN-GP, Adam (0.5, 0.9), n critic updates per step.
 */
public final class DcganFamily extends BaseModelFamily {
    public static final String NAME = "dcgan";

    public static final String LATENT = "latent";
    public static final String GENERATOR_CHANNELS = "generator_channels";
    public static final String DISCRIMINATOR_CHANNELS = "discriminator_channels";
    public static final String KERNEL_SIZE = "kernel_size";
    public static final String LOSS = "loss";
    public static final String CRITIC_UPDATES = "critic_updates";

    private static final SearchSpace SPACE = new SearchSpace(NAME, genes());

    private final ImageFormat format;

    public DcganFamily(ImageFormat format) {
        super(
                NAME,
                Domain.IMAGE,
                "image GAN: DCGAN-style upsample-and-convolve generator, strided convolutional discriminator,"
                        + " hinge or WGAN-GP; one parallel pass per image",
                SPACE);
        this.format = format;
    }

    private static List<Gene> genes() {
        List<Gene> genes = new ArrayList<>(List.of(
                Gene.ofInts(LATENT, "latent dimensions", 8, 16, 32, 64, 100, 128),
                Gene.ofInts(
                        GENERATOR_CHANNELS,
                        "channels of the generator's first feature map (halved after each upsampling)",
                        4,
                        8,
                        16,
                        32,
                        64,
                        128,
                        256,
                        512),
                Gene.ofInts(
                        DISCRIMINATOR_CHANNELS,
                        "channels of the discriminator's first layer (doubled in the second)",
                        4,
                        8,
                        16,
                        32,
                        64,
                        128,
                        256),
                Gene.ofInts(KERNEL_SIZE, "convolution size (k x k)", 3, 5),
                Gene.ofChoices(LOSS, "adversarial loss", AdversarialLosses.HINGE, AdversarialLosses.WGAN_GP),
                Gene.ofInts(CRITIC_UPDATES, "discriminator updates per generator update", 1, 2, 5)));
        genes.addAll(TrainingGenes.genes());
        return genes;
    }

    @Override
    protected Architecture decodeOwn(Genome genome) {
        return new DcganArchitecture(
                genome,
                format,
                genome.integer(LATENT),
                genome.integer(GENERATOR_CHANNELS),
                genome.integer(DISCRIMINATOR_CHANNELS),
                genome.integer(KERNEL_SIZE),
                genome.choice(LOSS).equals(AdversarialLosses.HINGE),
                genome.integer(CRITIC_UPDATES));
    }

    @Override
    public PublishedConfiguration published() {
        return new PublishedConfiguration(
                "DCGAN (Radford et al.) at 28 x 28",
                SPACE.parse("latent=100 generator_channels=512 discriminator_channels=128 kernel_size=5 loss=hinge"
                        + " critic_updates=1 training_steps=2560 batch_size=64 learning_rate=3e-4"),
                Optional.empty(),
                false,
                "Radford, Metz and Chintala, Unsupervised Representation Learning with Deep Convolutional GANs, ICLR 2016",
                "the paper gives layer widths for 64 x 64 (1024-512-256-128 channels, 5 x 5 kernels, latent 100) but no"
                        + " parameter count; this is the nearest configuration of our genes at 28 x 28");
    }
}
