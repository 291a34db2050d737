package io.paretone.spaces;

import io.paretone.spaces.check.Check;

/**
 * How a candidate is trained: a fixed number of optimiser steps on batches of crops.
 *
 * @param steps optimiser steps
 * @param batchSize clips per step
 * @param cropLength samples per training crop
 * @param learningRate Adam's learning rate
 */
public record TrainingPlan(int steps, int batchSize, int cropLength, double learningRate) {
    public TrainingPlan {
        Check.positive("steps", steps);
        Check.positive("batch size", batchSize);
        Check.positive("crop length", cropLength);
        Check.positive("learning rate", learningRate);
    }
}
