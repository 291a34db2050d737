package io.paretone.spaces.wavenet;

import io.paretone.spaces.Architecture;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import java.util.List;

/**
 * WaveNet (van den Oord et al. 2016): stacks of dilated causal convolutions with gated
 * activations, residual and skip paths, and a 256-way mu-law output. The genes span tiny models
 * that train in seconds on a CPU up to the published widths (64 residual and 256 skip channels);
 * depth stops at 16 layers here, against 30 in the paper.
 */
public final class WaveNetFamily implements ModelFamily {
    public static final String NAME = "wavenet";

    public static final String LAYERS = "layers";
    public static final String DILATION_CYCLE = "dilation_cycle";
    public static final String RESIDUAL_CHANNELS = "residual_channels";
    public static final String SKIP_CHANNELS = "skip_channels";
    public static final String KERNEL_SIZE = "kernel_size";
    public static final String LEARNING_RATE = "learning_rate";
    public static final String TRAINING_STEPS = "training_steps";

    /** Clips per optimiser step; fixed for now, a gene in a later version. */
    static final int BATCH_SIZE = 8;
    /** Predicted samples per crop, beyond the receptive field. */
    static final int PREDICTED_SAMPLES = 256;

    private static final SearchSpace SPACE =
            new SearchSpace(
                    NAME,
                    List.of(
                            Gene.ofInts(LAYERS, "dilated convolution layers", 2, 3, 4, 6, 8, 10, 12, 16),
                            Gene.ofInts(
                                    DILATION_CYCLE,
                                    "dilations double up to 2^(cycle-1), then restart",
                                    1, 2, 3, 4, 5, 6, 8, 10),
                            Gene.ofInts(RESIDUAL_CHANNELS, "residual channels", 4, 8, 16, 24, 32, 48, 64),
                            Gene.ofInts(SKIP_CHANNELS, "skip channels", 8, 16, 32, 64, 128, 256),
                            Gene.ofInts(KERNEL_SIZE, "taps of each dilated convolution", 2, 3),
                            Gene.ofReals(LEARNING_RATE, "Adam learning rate", 1e-4, 3e-4, 1e-3, 3e-3, 1e-2),
                            Gene.ofInts(
                                    TRAINING_STEPS,
                                    "optimiser steps",
                                    10, 20, 40, 80, 160, 320, 640, 1280, 2560)));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public Architecture decode(Genome genome) {
        if (!genome.space().family().equals(NAME)) {
            throw new IllegalArgumentException("not a WaveNet genome: " + genome);
        }
        return new WaveNetArchitecture(
                genome,
                genome.integer(LAYERS),
                genome.integer(DILATION_CYCLE),
                genome.integer(RESIDUAL_CHANNELS),
                genome.integer(SKIP_CHANNELS),
                genome.integer(KERNEL_SIZE),
                genome.real(LEARNING_RATE),
                genome.integer(TRAINING_STEPS));
    }
}
