package io.paretone.spaces;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.training.TrainingRecipe;

/**
 * One decoded candidate: everything needed to build, train and sample it, and to count its cost.
 */
public interface Architecture {
    /** The genome in the family's own space. */
    Genome genome();

    /** The architecture in words, starting with the family's name; trials are keyed by it. */
    String describe();

    /**
     * A fresh, uninitialised DJL block holding every trained part (a GAN's generator and
     * discriminator both); each call builds new parameters.
     */
    Block newBlock();

    /** The input shapes that initialise {@link #newBlock()} for a batch of the given size. */
    Shape[] inputShapes(int batchSize);

    /** How it trains: the step budget, optimisers and losses. */
    TrainingRecipe trainingRecipe();

    /** How audio is generated from the trained block. */
    Sampler sampler();

    /**
     * Forward FLOPs to generate one second of audio at the given rate, of the parts used to
     * generate (a GAN's generator, not its discriminator). For autoregressive models this is the
     * cost of one sample step times the rate, not one parallel pass.
     *
     * @param block the initialised block of this architecture
     */
    long generationFlopsPerUnit(Block block, LayerFlops counter, int sampleRate);
}
