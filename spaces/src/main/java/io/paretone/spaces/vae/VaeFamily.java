package io.paretone.spaces.vae;

import io.paretone.spaces.Architecture;
import io.paretone.spaces.BaseModelFamily;
import io.paretone.spaces.Domain;
import io.paretone.spaces.PublishedConfiguration;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import io.paretone.spaces.training.TrainingGenes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A convolutional variational autoencoder on the waveform (Kingma and Welling 2014): strided
 * convolutions encode a crop to a Gaussian latent sequence, upsample-and-convolve layers decode it.
 * The reconstruction is scored on the waveform (squared error) or on its log-mel spectrogram
 * (absolute error, phase-free), and the KL term is weighted by a gene (beta-VAE, Higgins et al.
 * 2017). Generation decodes latents drawn from the prior, any length at once.
 */
public final class VaeFamily extends BaseModelFamily {
    public static final String NAME = "vae";

    public static final String RECONSTRUCTION = "reconstruction";
    public static final String LAYERS = "layers";
    public static final String CHANNELS = "channels";
    public static final String KERNEL_SIZE = "kernel_size";
    public static final String LATENT = "latent";
    public static final String KL_WEIGHT = "kl_weight";

    private static final SearchSpace SPACE = new SearchSpace(NAME, genes());

    public VaeFamily() {
        super(
                NAME,
                Domain.AUDIO,
                "latent variable: convolutional VAE on the waveform, reconstruction on waveform or log-mel,"
                        + " KL weight as a gene; decodes prior samples in one parallel pass",
                SPACE);
    }

    private static List<Gene> genes() {
        List<Gene> genes = new ArrayList<>(List.of(
                Gene.ofChoices(RECONSTRUCTION, "where the reconstruction is scored", "waveform", "logmel"),
                Gene.ofInts(LAYERS, "stride-2 layers: the latent runs at sample rate / 2^layers", 2, 3, 4, 5, 6, 7, 8),
                Gene.ofInts(CHANNELS, "channels of every encoder and decoder layer", 4, 8, 16, 32, 64, 128, 256),
                Gene.ofInts(KERNEL_SIZE, "convolution width", 3, 5, 9, 15),
                Gene.ofInts(LATENT, "latent channels", 2, 4, 8, 16, 32, 64),
                Gene.ofReals(KL_WEIGHT, "weight of the KL term (beta)", 1e-4, 1e-3, 1e-2, 0.1, 1.0)));
        genes.addAll(TrainingGenes.genes());
        return genes;
    }

    @Override
    protected Architecture decodeOwn(Genome genome) {
        return new VaeArchitecture(
                genome,
                genome.choice(RECONSTRUCTION).equals("logmel"),
                genome.integer(LAYERS),
                genome.integer(CHANNELS),
                genome.integer(KERNEL_SIZE),
                genome.integer(LATENT),
                genome.real(KL_WEIGHT));
    }

    @Override
    public PublishedConfiguration published() {
        return new PublishedConfiguration(
                "convolutional waveform VAE (no single reference model)",
                SPACE.parse("reconstruction=logmel layers=8 channels=256 kernel_size=15 latent=64 kl_weight=0.1"
                        + " training_steps=2560 batch_size=16 learning_rate=1e-3"),
                Optional.empty(),
                false,
                "Kingma and Welling, Auto-Encoding Variational Bayes, ICLR 2014; Higgins et al., beta-VAE, ICLR 2017",
                "the issue lists no published audio VAE to match; this is the largest configuration of our genes");
    }
}
