package io.paretone.spaces.sing;

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
 * SING, the Symbol-to-Instrument Neural Generator (Défossez et al. 2018): an LSTM over frames,
 * fed at each frame with embeddings of the instrument, the pitch and the frame's position, writes
 * one feature vector per frame; a convolutional decoder turns them into the waveform, a frame of
 * {@code hop} samples at a time with windows overlapping four times. Trained end to end on the
 * L1 distance between log power spectrograms, so phase is free. Generation is one parallel pass
 * per note.
 */
public final class SingFamily extends BaseModelFamily {
    public static final String NAME = "sing";

    public static final String LSTM_LAYERS = "lstm_layers";
    public static final String LSTM_UNITS = "lstm_units";
    public static final String FEATURES = "features";
    public static final String DECODER_CHANNELS = "decoder_channels";
    public static final String REWRITE_LAYERS = "rewrite_layers";
    public static final String HOP = "hop";

    private static final SearchSpace SPACE = new SearchSpace(NAME, genes());

    public SingFamily() {
        super(
                NAME,
                Domain.AUDIO,
                "SING-like: LSTM over frames conditioned on instrument, pitch and time embeddings, convolutional"
                        + " decoder to waveform, log-spectrogram loss; one parallel pass per note",
                SPACE);
    }

    private static List<Gene> genes() {
        List<Gene> genes = new ArrayList<>(List.of(
                Gene.ofInts(LSTM_LAYERS, "layers of the frame-level LSTM", 1, 2, 3),
                Gene.ofInts(LSTM_UNITS, "state size of each LSTM layer", 16, 32, 64, 128, 256, 512, 1024),
                Gene.ofInts(FEATURES, "features per frame passed from the LSTM to the decoder", 8, 16, 32, 64, 128),
                Gene.ofInts(
                        DECODER_CHANNELS,
                        "channels of the decoder's convolutions",
                        16,
                        32,
                        64,
                        128,
                        256,
                        512,
                        1024,
                        2048,
                        4096),
                Gene.ofInts(
                        REWRITE_LAYERS, "1x1 convolutions after the decoder's first (kernel 9) convolution", 0, 1, 2),
                Gene.ofInts(
                        HOP, "samples per frame; the decoder's output window is four frames", 16, 32, 64, 128, 256)));
        genes.addAll(TrainingGenes.genes());
        return genes;
    }

    @Override
    protected Architecture decodeOwn(Genome genome) {
        return new SingArchitecture(
                genome,
                genome.integer(LSTM_LAYERS),
                genome.integer(LSTM_UNITS),
                genome.integer(FEATURES),
                genome.integer(DECODER_CHANNELS),
                genome.integer(REWRITE_LAYERS),
                genome.integer(HOP));
    }

    @Override
    public PublishedConfiguration published() {
        return new PublishedConfiguration(
                "SING (Défossez et al. 2018)",
                SPACE.parse("lstm_layers=3 lstm_units=1024 features=128 decoder_channels=4096 rewrite_layers=2 hop=256"
                        + " training_steps=2560 batch_size=64 learning_rate=3e-4"),
                Optional.of("SING"),
                true,
                "Défossez, Zeghidour, Usunier, Bottou, Bach, SING: Symbol-to-Instrument Neural Generator,"
                        + " NeurIPS 2018 (3-layer LSTM of 1024 units, 128 features per frame, decoder of 4096"
                        + " channels with a kernel-9 convolution, two 1x1 rewrites and a transposed convolution of"
                        + " stride 256 and kernel 1024; github.com/facebookresearch/SING)",
                "the same layers at the same sizes. SING's last layer is a transposed convolution (4096 x 1024"
                        + " weights); ours computes the same overlap-add as a kernel-4 convolution to 256 outputs per"
                        + " frame (4096 x 256 x 4 weights, 255 more biases), since DJL has no transposed convolution"
                        + " on PyTorch. SING also embeds the velocity (2 dimensions), which our labels lack, and has"
                        + " 1006 NSynth instruments where our table holds " + SingBlock.INSTRUMENTS + "; SING trains"
                        + " the decoder as an autoencoder first, ours trains end to end");
    }
}
