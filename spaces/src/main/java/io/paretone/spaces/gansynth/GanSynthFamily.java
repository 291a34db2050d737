package io.paretone.spaces.gansynth;

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
 * GANSynth (Engel et al. 2019): a convolutional GAN that generates a note's spectrogram image
 * (time frames x frequency bins) conditioned on its pitch, as log-magnitude and instantaneous
 * frequency, from which audio follows by an inverse STFT; or log-magnitude alone, with phase by
 * Griffin-Lim. The generator grows the image from a small start by nearest-neighbour upsampling
 * and 3x3 convolutions with pixel normalisation; the critic mirrors it, adds the minibatch
 * standard deviation and an auxiliary pitch classifier (AC-GAN). Trained with WGAN-GP, a drift
 * penalty and the auxiliary classification loss, as GANSynth; progressive growing is left out.
 */
public final class GanSynthFamily extends BaseModelFamily {
    public static final String NAME = "gansynth";

    public static final String RESOLUTIONS = "resolutions";
    public static final String START_FRAMES = "start_frames";
    public static final String START_BINS = "start_bins";
    public static final String CHANNELS = "channels";
    public static final String LATENT = "latent";
    public static final String PHASE = "phase";
    public static final String CRITIC_UPDATES = "critic_updates";

    /** Phase as instantaneous frequency, a second image channel the generator draws. */
    public static final String INSTANTANEOUS_FREQUENCY = "if";
    /** No phase channel: Griffin-Lim recovers a phase from the magnitudes. */
    public static final String GRIFFIN_LIM = "griffin_lim";

    private static final SearchSpace SPACE = new SearchSpace(NAME, genes());

    public GanSynthFamily() {
        super(
                NAME,
                Domain.AUDIO,
                "GANSynth-like: pitch-conditioned GAN on log-magnitude and instantaneous-frequency spectrograms"
                        + " (or magnitude with Griffin-Lim), WGAN-GP with an auxiliary pitch classifier; inverse STFT",
                SPACE);
    }

    private static List<Gene> genes() {
        List<Gene> genes = new ArrayList<>(List.of(
                Gene.ofInts(
                        RESOLUTIONS,
                        "image resolutions of the generator, each doubling time and frequency",
                        3,
                        4,
                        5,
                        6,
                        7),
                Gene.ofInts(START_FRAMES, "time frames of the first resolution", 2, 4, 8, 16),
                Gene.ofInts(
                        START_BINS, "frequency bins of the first resolution (FFT size = 2 x final bins)", 2, 4, 8, 16),
                Gene.ofInts(
                        CHANNELS,
                        "most channels of a resolution (the last three halve it in turn)",
                        8,
                        16,
                        32,
                        64,
                        128,
                        256),
                Gene.ofInts(LATENT, "latent vector size", 8, 16, 32, 64, 128, 256),
                Gene.ofChoices(
                        PHASE,
                        "phase representation: drawn as instantaneous frequency, or Griffin-Lim",
                        INSTANTANEOUS_FREQUENCY,
                        GRIFFIN_LIM),
                Gene.ofInts(CRITIC_UPDATES, "critic updates per generator update", 1, 2, 5)));
        genes.addAll(TrainingGenes.genes());
        return genes;
    }

    @Override
    protected Architecture decodeOwn(Genome genome) {
        return new GanSynthArchitecture(
                genome,
                genome.integer(RESOLUTIONS),
                genome.integer(START_FRAMES),
                genome.integer(START_BINS),
                genome.integer(CHANNELS),
                genome.integer(LATENT),
                genome.choice(PHASE).equals(INSTANTANEOUS_FREQUENCY),
                genome.integer(CRITIC_UPDATES));
    }

    @Override
    public PublishedConfiguration published() {
        return new PublishedConfiguration(
                "GANSynth, IF high-frequency-resolution model (Engel et al. 2019)",
                SPACE.parse("resolutions=7 start_frames=2 start_bins=16 channels=256 latent=256 phase=if"
                        + " critic_updates=1 training_steps=2560 batch_size=8 learning_rate=1e-3"),
                Optional.of("GANSynth"),
                true,
                "Engel, Agrawal, Chen, Gulrajani, Donahue, Roberts, GANSynth: Adversarial Neural Audio"
                        + " Synthesis, ICLR 2019 (128 frames x 1024 bins from 2 x 16 over 7 resolutions, 256"
                        + " channels halving over the last three, latent 256, 61 pitches; magenta's"
                        + " gansynth networks.py and configs); the published count covers generator and"
                        + " discriminator together",
                "both players are counted, as in the published count, with the same convolutions at the same"
                        + " sizes. Without progressive growing it has one image output layer in the generator and"
                        + " one input layer in the critic instead of one per resolution (6 k fewer weights) and no"
                        + " equalised-learning-rate scaling (which has no weights); the published count rounds"
                        + " magenta's layers up. GANSynth trained at learning rate 8e-4; the nearest value of our"
                        + " gene is 1e-3");
    }
}
