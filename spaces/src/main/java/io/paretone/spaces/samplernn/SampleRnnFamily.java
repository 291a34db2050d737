package io.paretone.spaces.samplernn;

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
 * SampleRNN (Mehri et al. 2017): frame-level recurrent tiers (GRU or LSTM) over one or two time
 * scales, each conditioning the tier below, and a sample-level MLP over the last few samples that
 * outputs a 256-way mu-law softmax. Generation is autoregressive with cached recurrent states.
 */
public final class SampleRnnFamily extends BaseModelFamily {
    public static final String NAME = "samplernn";

    public static final String CELL = "cell";
    public static final String FRAME_TIERS = "frame_tiers";
    public static final String FRAME_SIZE = "frame_size";
    public static final String UPPER_RATIO = "upper_ratio";
    public static final String RNN_UNITS = "rnn_units";
    public static final String RNN_LAYERS = "rnn_layers";
    public static final String MLP_UNITS = "mlp_units";
    public static final String EMBEDDING = "embedding";

    private static final SearchSpace SPACE = new SearchSpace(NAME, genes());

    public SampleRnnFamily() {
        super(
                NAME,
                Domain.AUDIO,
                "autoregressive: GRU/LSTM frame tiers over one or two time scales and a sample-level MLP,"
                        + " mu-law softmax; cached recurrent states in generation",
                SPACE);
    }

    private static List<Gene> genes() {
        List<Gene> genes = new ArrayList<>(List.of(
                Gene.ofChoices(CELL, "recurrent cell of the frame tiers", "gru", "lstm"),
                Gene.ofInts(FRAME_TIERS, "frame-level tiers above the sample-level MLP", 1, 2),
                Gene.ofInts(FRAME_SIZE, "samples per frame of the lowest tier, and the MLP's window", 2, 4, 8, 16),
                Gene.ofInts(UPPER_RATIO, "the upper tier's frame, in lower frames", 2, 4, 8)
                        .onlyWhen(FRAME_TIERS, "2"),
                Gene.ofInts(RNN_UNITS, "state size of each frame tier", 8, 16, 32, 64, 128, 256, 512, 1024),
                Gene.ofInts(RNN_LAYERS, "recurrent layers per frame tier", 1, 2, 3),
                Gene.ofInts(MLP_UNITS, "width of the sample-level MLP", 8, 16, 32, 64, 128, 256, 512, 1024),
                Gene.ofInts(EMBEDDING, "embedding size of each quantised input sample", 4, 8, 16, 32, 64, 128, 256)));
        genes.addAll(TrainingGenes.genes());
        return genes;
    }

    @Override
    protected Architecture decodeOwn(Genome genome) {
        int tiers = genome.integer(FRAME_TIERS);
        return new SampleRnnArchitecture(
                genome,
                genome.choice(CELL).equals("lstm"),
                genome.integer(FRAME_SIZE),
                tiers == 2 ? genome.integer(UPPER_RATIO) : 0,
                genome.integer(RNN_UNITS),
                genome.integer(RNN_LAYERS),
                genome.integer(MLP_UNITS),
                genome.integer(EMBEDDING));
    }

    @Override
    public PublishedConfiguration published() {
        return new PublishedConfiguration(
                "SampleRNN 3-tier (Mehri et al. 2017)",
                SPACE.parse("cell=gru frame_tiers=2 frame_size=2 upper_ratio=4 rnn_units=1024 rnn_layers=1"
                        + " mlp_units=1024 embedding=256 training_steps=2560 batch_size=64 learning_rate=1e-3"),
                Optional.of("SampleRNN"),
                false,
                "Mehri et al., SampleRNN: An Unconditional End-to-End Neural Audio Generation Model, ICLR 2017"
                        + " (3-tier: frames of 8 and 2 samples, GRU, 1024 units, 256-dim embedding)",
                "we build one GRU layer per tier; the published count is reached only with more recurrent"
                        + " layers or a wider MLP (rnn_layers=3 comes close), which the paper's text does not pin"
                        + " down for the 3-tier model; ours counts every trainable weight, embedding included");
    }
}
