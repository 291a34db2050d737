package io.paretone.spaces;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Genome;

/**
 * One decoded candidate: everything needed to build, train and sample it, and to count its cost.
 */
public interface Architecture {
    Genome genome();

    /** The architecture in words, for tables and logs. */
    String describe();

    /** How long and how fast it trains; part of the genome, so part of the trade-off. */
    TrainingPlan trainingPlan();

    /** A fresh, uninitialised DJL block; each call builds new parameters. */
    Block newBlock();

    /** The input shapes that initialise {@link #newBlock()} for a batch of the given size. */
    Shape[] inputShapes(int batchSize);

    /** How batches are made from audio and how the loss is computed. */
    TrainingTask trainingTask();

    /** How audio is generated from the trained block. */
    AudioSampler sampler();

    /**
     * Forward FLOPs to generate one second of audio at the given rate. For autoregressive models
     * this is the cost of one sample step times the rate, not one parallel pass.
     *
     * @param block the initialised block of this architecture
     */
    long generationFlopsPerSecond(Block block, LayerFlops counter, int sampleRate);
}
