package io.paretone.spaces.sing;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.training.TrainingGenes;
import io.paretone.spaces.training.TrainingRecipe;

/**
 * A decoded SING genome.
 *
 * @param features dimension of the per-frame vectors from the LSTM to the decoder
 * @param rewriteLayers 1x1 convolutions after the decoder's first convolution
 * @param hop samples per frame
 */
public record SingArchitecture(
        Genome genome, int lstmLayers, int lstmUnits, int features, int decoderChannels, int rewriteLayers, int hop)
        implements Architecture {
    /**
     * Samples of each note's start trained on: 0.26 s at 16 kHz (SING trains on whole 4 s notes; a
     * CPU search cannot afford that). A multiple of every hop.
     */
    static final int TRAINING_SAMPLES = 4096;

    public SingArchitecture {
        Check.positive(SingFamily.LSTM_LAYERS, lstmLayers);
        Check.positive(SingFamily.LSTM_UNITS, lstmUnits);
        Check.positive(SingFamily.FEATURES, features);
        Check.positive(SingFamily.DECODER_CHANNELS, decoderChannels);
        Check.atLeast(SingFamily.REWRITE_LAYERS, rewriteLayers, 0);
        Check.that(
                hop > 0 && TRAINING_SAMPLES % hop == 0,
                SingFamily.HOP,
                hop,
                "must divide the training crop of " + TRAINING_SAMPLES + " samples");
    }

    /** Frames for a number of samples, rounded up. */
    public int frames(int samples) {
        return (samples + hop - 1) / hop;
    }

    @Override
    public String describe() {
        return String.format(
                "SING %d x LSTM %d, %d features per frame of %d samples, decoder %d channels with %d" + " rewrites; %s",
                lstmLayers, lstmUnits, features, hop, decoderChannels, rewriteLayers, TrainingGenes.describe(genome));
    }

    @Override
    public Block newBlock() {
        return new SingBlock(this);
    }

    /** Per frame: instrument, pitch and position indices, int64 {@code [batch, frames, 3]}. */
    @Override
    public Shape[] inputShapes(int batchSize) {
        return new Shape[] {new Shape(batchSize, frames(TRAINING_SAMPLES), 3)};
    }

    @Override
    public TrainingRecipe trainingRecipe() {
        return TrainingRecipe.singleLoss(
                TrainingGenes.steps(genome),
                TrainingGenes.learningRate(genome),
                "log-spectral L1",
                inputShapes(TrainingGenes.batchSize(genome)),
                new SingLoss(this, TrainingGenes.batchSize(genome)));
    }

    @Override
    public Sampler sampler() {
        return new SingSampler();
    }

    /** One parallel pass over a second's frames. */
    @Override
    public long generationFlopsPerUnit(Block block, LayerFlops counter, int sampleRate) {
        int frames = frames(sampleRate);
        return counter.of(block, new Shape(1, frames, 3)) * sampleRate / ((long) frames * hop);
    }
}
