package io.paretone.spaces.wavenet;

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
 * WaveNet (van den Oord et al. 2016): stacks of dilated causal convolutions with gated
 * activations, residual and skip paths, and a 256-way mu-law output. The genes span tiny models
 * that train in seconds on a CPU up to the published depth of 30 layers (three cycles of dilations
 * 1 to 512).
 */
public final class WaveNetFamily extends BaseModelFamily {
    public static final String NAME = "wavenet";

    public static final String LAYERS = "layers";
    public static final String DILATION_CYCLE = "dilation_cycle";
    public static final String RESIDUAL_CHANNELS = "residual_channels";
    public static final String SKIP_CHANNELS = "skip_channels";
    public static final String KERNEL_SIZE = "kernel_size";

    /** Predicted samples per crop, beyond the receptive field. */
    static final int PREDICTED_SAMPLES = 256;

    private static final SearchSpace SPACE = new SearchSpace(NAME, genes());

    public WaveNetFamily() {
        super(
                NAME,
                Domain.AUDIO,
                "autoregressive: dilated causal gated convolutions, residual and skip paths, mu-law softmax;"
                        + " cached generation, one sample at a time",
                SPACE);
    }

    private static List<Gene> genes() {
        List<Gene> genes = new ArrayList<>(List.of(
                Gene.ofInts(LAYERS, "dilated convolution layers", 2, 3, 4, 6, 8, 10, 12, 16, 20, 24, 30),
                Gene.ofInts(
                        DILATION_CYCLE, "dilations double up to 2^(cycle-1), then restart", 1, 2, 3, 4, 5, 6, 8, 10),
                Gene.ofInts(RESIDUAL_CHANNELS, "residual channels", 4, 8, 16, 24, 32, 48, 64),
                Gene.ofInts(SKIP_CHANNELS, "skip channels", 8, 16, 32, 64, 128, 256),
                Gene.ofInts(KERNEL_SIZE, "taps of each dilated convolution", 2, 3)));
        genes.addAll(TrainingGenes.genes());
        return genes;
    }

    @Override
    protected Architecture decodeOwn(Genome genome) {
        return new WaveNetArchitecture(
                genome,
                genome.integer(LAYERS),
                genome.integer(DILATION_CYCLE),
                genome.integer(RESIDUAL_CHANNELS),
                genome.integer(SKIP_CHANNELS),
                genome.integer(KERNEL_SIZE));
    }

    @Override
    public PublishedConfiguration published() {
        return new PublishedConfiguration(
                "WaveNet (van den Oord et al. 2016)",
                SPACE.parse("layers=30 dilation_cycle=10 residual_channels=64 skip_channels=256 kernel_size=2"
                        + " training_steps=2560 batch_size=1 learning_rate=1e-3"),
                Optional.empty(),
                false,
                "van den Oord et al., WaveNet: A Generative Model for Raw Audio, arXiv:1609.03499 (2016)",
                "the paper gives 30 layers of dilations 1..512 (three cycles) and kernel 2, but neither channel"
                        + " widths nor a parameter count; 64 residual and 256 skip channels are our widest genes");
    }
}
