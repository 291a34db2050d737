package io.paretone.spaces.training;

import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import java.util.List;

/**
 * The genes every family shares: the training budget and the optimiser's pace, so that how long and
 * how hard a candidate trains is part of the trade-off. Declared once here; each family's space
 * includes them and the mixed space holds them once for all families.
 */
public final class TrainingGenes {
    public static final String TRAINING_STEPS = "training_steps";
    public static final String BATCH_SIZE = "batch_size";
    public static final String LEARNING_RATE = "learning_rate";

    private static final List<Gene> GENES = List.of(
            Gene.ofInts(
                    TRAINING_STEPS,
                    "optimiser steps (a GAN step is its critic updates plus one generator update)",
                    10,
                    20,
                    40,
                    80,
                    160,
                    320,
                    640,
                    1280,
                    2560),
            Gene.ofInts(BATCH_SIZE, "examples per optimiser step", 1, 2, 4, 8, 16, 32, 64),
            Gene.ofReals(LEARNING_RATE, "Adam learning rate", 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2));

    private TrainingGenes() {}

    public static List<Gene> genes() {
        return GENES;
    }

    public static int steps(Genome genome) {
        return genome.integer(TRAINING_STEPS);
    }

    public static int batchSize(Genome genome) {
        return genome.integer(BATCH_SIZE);
    }

    public static double learningRate(Genome genome) {
        return genome.real(LEARNING_RATE);
    }

    /** The training genes in words, for descriptions. */
    public static String describe(Genome genome) {
        return String.format(
                "%d steps of batch %d at lr %s", steps(genome), batchSize(genome), genome.text(LEARNING_RATE));
    }
}
