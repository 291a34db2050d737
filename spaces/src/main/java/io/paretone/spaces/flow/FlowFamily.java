package io.paretone.spaces.flow;

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
 * Normalising flows on raw audio in the manner of FloWaveNet (Kim et al. 2019) and WaveGlow
 * (Prenger et al. 2019): squeeze levels, each a stack of flow steps (activation normalisation, a
 * channel mixing, an affine coupling whose scale and shift come from a non-causal WaveNet over the
 * other half of the channels). Trained by exact negative log-likelihood; generation inverts the
 * flow on Gaussian noise in one parallel pass.
 */
public final class FlowFamily extends BaseModelFamily {
    public static final String NAME = "flow";

    public static final String MIXING = "mixing";
    public static final String SQUEEZES = "squeezes";
    public static final String FLOWS = "flows";
    public static final String COUPLING_LAYERS = "coupling_layers";
    public static final String CHANNELS = "channels";

    /** FloWaveNet's mixing: the two halves of the channels change places. */
    public static final String SWAP = "swap";
    /** Glow's and WaveGlow's mixing: a learned invertible 1x1 convolution, LU-parameterised. */
    public static final String LU_1X1 = "lu_1x1";

    private static final SearchSpace SPACE = new SearchSpace(NAME, genes());

    public FlowFamily() {
        super(
                NAME,
                Domain.AUDIO,
                "normalising flow (FloWaveNet/WaveGlow): squeezes, affine couplings with non-causal WaveNets,"
                        + " swap or invertible 1x1 mixing; exact likelihood, parallel generation",
                SPACE);
    }

    private static List<Gene> genes() {
        List<Gene> genes = new ArrayList<>(List.of(
                Gene.ofChoices(
                        MIXING,
                        "channel mixing between couplings: halves swapped (FloWaveNet) or an"
                                + " invertible 1x1 convolution (Glow, WaveGlow)",
                        SWAP,
                        LU_1X1),
                Gene.ofInts(
                        SQUEEZES, "squeeze levels, each halving time and doubling channels", 1, 2, 3, 4, 5, 6, 7, 8),
                Gene.ofInts(FLOWS, "flow steps per squeeze level", 1, 2, 3, 4, 6),
                Gene.ofInts(
                        COUPLING_LAYERS,
                        "gated layers of each coupling's WaveNet (dilations 1, 2, 4, ...)",
                        1,
                        2,
                        3,
                        4),
                Gene.ofInts(
                        CHANNELS,
                        "residual, gate and skip channels of each coupling's WaveNet",
                        8,
                        16,
                        32,
                        64,
                        128,
                        256)));
        genes.addAll(TrainingGenes.genes());
        return genes;
    }

    @Override
    protected Architecture decodeOwn(Genome genome) {
        return new FlowArchitecture(
                genome,
                genome.choice(MIXING).equals(LU_1X1),
                genome.integer(SQUEEZES),
                genome.integer(FLOWS),
                genome.integer(COUPLING_LAYERS),
                genome.integer(CHANNELS));
    }

    @Override
    public PublishedConfiguration published() {
        return new PublishedConfiguration(
                "FloWaveNet (Kim et al. 2019)",
                SPACE.parse("mixing=swap squeezes=8 flows=6 coupling_layers=2 channels=256"
                        + " training_steps=2560 batch_size=8 learning_rate=1e-3"),
                Optional.of("FloWaveNet"),
                false,
                "Kim, Lee, Song, Kim, Yoon, FloWaveNet: A Generative Flow for Raw Audio, ICML 2019"
                        + " (8 blocks of 6 flows, 2-layer WaveNets of 256 channels, kernel 3;"
                        + " github.com/ksw0306/FloWaveNet)",
                "ours is unconditional, so it has none of FloWaveNet's mel-spectrogram conditioning: each of"
                        + " its 96 WaveNet layers adds two 1x1 projections of the squeezed mel (80 x 2^block channels"
                        + " to 256), most of its parameters; FloWaveNet's WaveNet prior after block 4, its"
                        + " weight-normalisation gains and its mel upsampler make up the rest. Our coupling scale is"
                        + " soft-clamped (4 tanh(s/4)) for numerical safety, which adds no parameters");
    }
}
