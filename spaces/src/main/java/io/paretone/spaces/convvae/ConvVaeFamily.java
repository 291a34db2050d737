package io.paretone.spaces.convvae;

import io.paretone.spaces.Architecture;
import io.paretone.spaces.BaseModelFamily;
import io.paretone.spaces.Domain;
import io.paretone.spaces.PublishedConfiguration;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import io.paretone.spaces.image.ImageFormat;
import io.paretone.spaces.training.TrainingGenes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A convolutional variational autoencoder on images (Kingma and Welling 2014): two stride-2
 * convolutions and a linear layer encode an image to a Gaussian latent vector; a linear layer and
 * two upsample-and-convolve layers decode it. Squared-error reconstruction plus a gene-weighted KL
 * term (beta-VAE). Generation decodes latents drawn from the prior in one pass.
 */
public final class ConvVaeFamily extends BaseModelFamily {
    public static final String NAME = "convvae";

    public static final String CHANNELS = "channels";
    public static final String KERNEL_SIZE = "kernel_size";
    public static final String LATENT = "latent";
    public static final String KL_WEIGHT = "kl_weight";

    private static final SearchSpace SPACE = new SearchSpace(NAME, genes());

    private final ImageFormat format;

    public ConvVaeFamily(ImageFormat format) {
        super(
                NAME,
                Domain.IMAGE,
                "latent variable: convolutional image VAE, KL weight as a gene; decodes prior samples in one pass",
                SPACE);
        this.format = format;
    }

    private static List<Gene> genes() {
        List<Gene> genes = new ArrayList<>(List.of(
                Gene.ofInts(
                        CHANNELS,
                        "channels of the first encoder and last decoder layer (doubled in between)",
                        4,
                        8,
                        16,
                        32,
                        64,
                        128),
                Gene.ofInts(KERNEL_SIZE, "convolution size (k x k)", 3, 5),
                Gene.ofInts(LATENT, "latent dimensions", 2, 4, 8, 16, 32, 64),
                Gene.ofReals(KL_WEIGHT, "weight of the KL term (beta)", 1e-3, 1e-2, 0.1, 1.0)));
        genes.addAll(TrainingGenes.genes());
        return genes;
    }

    @Override
    protected Architecture decodeOwn(Genome genome) {
        return new ConvVaeArchitecture(
                genome,
                format,
                genome.integer(CHANNELS),
                genome.integer(KERNEL_SIZE),
                genome.integer(LATENT),
                genome.real(KL_WEIGHT));
    }

    @Override
    public PublishedConfiguration published() {
        return new PublishedConfiguration(
                "convolutional VAE on 28 x 28 digits (no single reference model)",
                SPACE.parse("channels=64 kernel_size=5 latent=32 kl_weight=1.0 training_steps=2560 batch_size=64"
                        + " learning_rate=1e-3"),
                Optional.empty(),
                false,
                "Kingma and Welling, Auto-Encoding Variational Bayes, ICLR 2014; Higgins et al., beta-VAE, ICLR 2017",
                "the paper's MNIST models are MLPs; this is the common convolutional variant at the top of our ranges");
    }
}
