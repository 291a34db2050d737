package io.paretone.spaces;

import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** Generates audio from a trained block. */
public interface AudioSampler {
    /**
     * Generates {@code count} clips of {@code samples} samples in [-1, 1]. The same seed gives
     * the same clips for the same weights.
     */
    float[][] generate(Block block, ParameterStore parameters, int count, int samples, long seed);
}
