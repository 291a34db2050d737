package io.paretone.spaces.samplernn;

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
 * A decoded SampleRNN genome.
 *
 * @param frameSize samples per frame of the lowest frame tier (and the sample MLP's window)
 * @param upperRatio lower frames per upper frame, or 0 for a single frame tier
 */
public record SampleRnnArchitecture(
        Genome genome,
        boolean lstm,
        int frameSize,
        int upperRatio,
        int rnnUnits,
        int rnnLayers,
        int mlpUnits,
        int embedding)
        implements Architecture {
    /** Samples predicted per training crop, at least; rounded up to whole top frames. */
    static final int PREDICTED_SAMPLES = 256;

    public SampleRnnArchitecture {
        Check.atLeast(SampleRnnFamily.FRAME_SIZE, frameSize, 1);
        Check.atLeast(SampleRnnFamily.UPPER_RATIO, upperRatio, 0);
        Check.positive(SampleRnnFamily.RNN_UNITS, rnnUnits);
        Check.positive(SampleRnnFamily.RNN_LAYERS, rnnLayers);
        Check.positive(SampleRnnFamily.MLP_UNITS, mlpUnits);
        Check.positive(SampleRnnFamily.EMBEDDING, embedding);
    }

    public boolean twoTiers() {
        return upperRatio > 0;
    }

    /** Samples per frame of the top frame tier. */
    public int topFrame() {
        return twoTiers() ? frameSize * upperRatio : frameSize;
    }

    /** Samples predicted per training crop: whole top frames, at least {@value #PREDICTED_SAMPLES}. */
    public int predicted() {
        return ((PREDICTED_SAMPLES + topFrame() - 1) / topFrame()) * topFrame();
    }

    /** Samples per training crop: one top frame of context, then the predicted samples. */
    public int cropLength() {
        return topFrame() + predicted();
    }

    @Override
    public String describe() {
        String tiers = twoTiers()
                ? String.format("frames of %d and %d samples", topFrame(), frameSize)
                : String.format("frames of %d samples", frameSize);
        return String.format(
                "SampleRNN %s, %d x %s %d units, MLP %d, embedding %d; %s",
                tiers, rnnLayers, lstm ? "LSTM" : "GRU", rnnUnits, mlpUnits, embedding, TrainingGenes.describe(genome));
    }

    @Override
    public Block newBlock() {
        return new SampleRnnBlock(this);
    }

    /** Classes (int64) and their decoded values, both {@code [batch, crop]}. */
    @Override
    public Shape[] inputShapes(int batchSize) {
        return new Shape[] {new Shape(batchSize, cropLength()), new Shape(batchSize, cropLength())};
    }

    @Override
    public TrainingRecipe trainingRecipe() {
        return TrainingRecipe.singleLoss(
                TrainingGenes.steps(genome),
                TrainingGenes.learningRate(genome),
                "cross-entropy",
                inputShapes(TrainingGenes.batchSize(genome)),
                new SampleRnnLoss(this, TrainingGenes.batchSize(genome)));
    }

    @Override
    public Sampler sampler() {
        return new SampleRnnSampler();
    }

    @Override
    public long generationFlopsPerUnit(Block block, LayerFlops counter, int sampleRate) {
        return ((SampleRnnBlock) block).generationFlopsPerUnit(counter, sampleRate);
    }
}
