package io.paretone.spaces.wavegan;

import io.paretone.spaces.Architecture;
import io.paretone.spaces.BaseModelFamily;
import io.paretone.spaces.Domain;
import io.paretone.spaces.PublishedConfiguration;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import io.paretone.spaces.training.AdversarialLosses;
import io.paretone.spaces.training.TrainingGenes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WaveGAN (Donahue et al. 2019): a generator that maps a latent vector through a dense layer and
 * upsampling convolutions to a waveform, and a strided convolutional discriminator with phase
 * shuffle, trained adversarially with WGAN-GP (Gulrajani et al. 2017) or the hinge loss. Upsampling
 * is nearest-neighbour then convolution, since DJL has no transposed convolution on PyTorch.
 */
public final class WaveGanFamily extends BaseModelFamily {
    public static final String NAME = "wavegan";

    public static final String LOSS = "loss";
    public static final String MODEL_SIZE = "model_size";
    public static final String LAYERS = "layers";
    public static final String STRIDE = "stride";
    public static final String KERNEL_SIZE = "kernel_size";
    public static final String PHASE_SHUFFLE = "phase_shuffle";
    public static final String CRITIC_UPDATES = "critic_updates";
    public static final String LATENT = "latent";

    private static final SearchSpace SPACE = new SearchSpace(NAME, genes());

    public WaveGanFamily() {
        super(
                NAME,
                Domain.AUDIO,
                "adversarial: upsample-and-convolve generator, strided convolutional discriminator with phase"
                        + " shuffle, WGAN-GP or hinge loss; one parallel pass per clip",
                SPACE);
    }

    private static List<Gene> genes() {
        List<Gene> genes = new ArrayList<>(List.of(
                Gene.ofChoices(LOSS, "adversarial loss", AdversarialLosses.WGAN_GP, AdversarialLosses.HINGE),
                Gene.ofInts(
                        MODEL_SIZE,
                        "d: the last generator layer has d channels, each earlier one twice as many",
                        2,
                        4,
                        8,
                        16,
                        32,
                        64),
                Gene.ofInts(
                        LAYERS, "upsampling layers of the generator, strided layers of the discriminator", 2, 3, 4, 5),
                Gene.ofInts(STRIDE, "upsampling factor and discriminator stride per layer", 2, 4),
                Gene.ofInts(KERNEL_SIZE, "convolution width", 5, 9, 15, 25),
                Gene.ofInts(PHASE_SHUFFLE, "phase shuffle radius of the discriminator (0: off)", 0, 1, 2),
                Gene.ofInts(CRITIC_UPDATES, "discriminator updates per generator update", 1, 2, 5),
                Gene.ofInts(LATENT, "latent dimension", 16, 32, 64, 100)));
        genes.addAll(TrainingGenes.genes());
        return genes;
    }

    @Override
    protected Architecture decodeOwn(Genome genome) {
        return new WaveGanArchitecture(
                genome,
                genome.choice(LOSS).equals(AdversarialLosses.HINGE),
                genome.integer(MODEL_SIZE),
                genome.integer(LAYERS),
                genome.integer(STRIDE),
                genome.integer(KERNEL_SIZE),
                genome.integer(PHASE_SHUFFLE),
                genome.integer(CRITIC_UPDATES),
                genome.integer(LATENT));
    }

    @Override
    public PublishedConfiguration published() {
        return new PublishedConfiguration(
                "WaveGAN (Donahue et al. 2019)",
                SPACE.parse("loss=wgan_gp model_size=64 layers=5 stride=4 kernel_size=25 phase_shuffle=2"
                        + " critic_updates=5 latent=100 training_steps=2560 batch_size=64 learning_rate=1e-4"),
                Optional.of("WaveGAN"),
                false,
                "Donahue, McAuley and Puckette, Adversarial Audio Synthesis, ICLR 2019 (Tables 3 and 4: d = 64,"
                        + " 5 layers of stride 4 and width 25, 16384 samples, phase shuffle 2, WGAN-GP, 5 critic"
                        + " updates)",
                "our count includes generator and discriminator, as the paper's layer tables give them with"
                        + " transposed convolutions of the same shapes, which our upsample-then-convolve layers match"
                        + " weight for weight; we could not derive the published count from the paper");
    }
}
