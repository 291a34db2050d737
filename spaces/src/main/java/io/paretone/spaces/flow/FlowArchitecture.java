package io.paretone.spaces.flow;

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
 * A decoded flow genome.
 *
 * @param learnedMixing an LU-parameterised invertible 1x1 convolution between couplings, else the
 *     halves swap places
 * @param squeezes squeeze levels; audio length must be a multiple of 2^squeezes
 * @param flows flow steps per level
 * @param couplingLayers gated layers of each coupling WaveNet
 * @param channels residual, gate and skip channels of each coupling WaveNet
 */
public record FlowArchitecture(
        Genome genome, boolean learnedMixing, int squeezes, int flows, int couplingLayers, int channels)
        implements Architecture {
    /** Samples per training crop (FloWaveNet trains on 16000; a CPU search cannot afford that). */
    static final int TRAINING_SAMPLES = 2048;

    public FlowArchitecture {
        Check.positive(FlowFamily.SQUEEZES, squeezes);
        Check.positive(FlowFamily.FLOWS, flows);
        Check.positive(FlowFamily.COUPLING_LAYERS, couplingLayers);
        Check.positive(FlowFamily.CHANNELS, channels);
        Check.that(
                TRAINING_SAMPLES % (1 << squeezes) == 0,
                FlowFamily.SQUEEZES,
                squeezes,
                "must leave whole time steps of a " + TRAINING_SAMPLES + "-sample crop");
    }

    /** Samples folded into one time step at the last level, and the unit of every audio length. */
    public int squeezeFactor() {
        return 1 << squeezes;
    }

    @Override
    public String describe() {
        return String.format(
                "Flow of %d squeeze levels x %d steps, %s mixing, couplings of %d-layer WaveNets"
                        + " with %d channels; %s",
                squeezes,
                flows,
                learnedMixing ? "invertible 1x1" : "swap",
                couplingLayers,
                channels,
                TrainingGenes.describe(genome));
    }

    @Override
    public Block newBlock() {
        return new FlowBlock(this);
    }

    /** Audio {@code [batch, samples]}. */
    @Override
    public Shape[] inputShapes(int batchSize) {
        return new Shape[] {new Shape(batchSize, TRAINING_SAMPLES)};
    }

    @Override
    public TrainingRecipe trainingRecipe() {
        return TrainingRecipe.singleLoss(
                TrainingGenes.steps(genome),
                TrainingGenes.learningRate(genome),
                "negative log-likelihood",
                inputShapes(TrainingGenes.batchSize(genome)),
                new FlowLoss(TrainingGenes.batchSize(genome)));
    }

    @Override
    public Sampler sampler() {
        return new FlowSampler();
    }

    /** Generation inverts the flow once over the whole clip: the cost of one forward pass. */
    @Override
    public long generationFlopsPerUnit(Block block, LayerFlops counter, int sampleRate) {
        int unit = squeezeFactor();
        long samples = ((long) sampleRate + unit - 1) / unit * unit;
        return counter.of(block, new Shape(1, samples)) * sampleRate / samples;
    }
}
