package io.paretone.evaluators;

import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.evaluators.quality.QualityScore;
import io.paretone.evaluators.training.TrainingOutcome;

/**
 * Everything measured of one trained candidate.
 *
 * @param parameters trainable parameters
 * @param generationFlopsPerSecond forward FLOPs to generate one second of audio
 * @param training energy of the training window
 * @param trainingKgCo2e measured (or estimated, per {@code training.estimated()}) training CO2e
 * @param lacosteKgCo2e alpha x n x p_max x training hours, for comparison
 * @param generation energy of generating the judged clips
 * @param generatedSeconds seconds of audio generated in that window
 * @param clips the generated clips that were judged
 */
public record CandidateMeasurement(
        long parameters,
        long generationFlopsPerSecond,
        TrainingOutcome outcome,
        EnergyReading training,
        double trainingKgCo2e,
        double lacosteKgCo2e,
        EnergyReading generation,
        double generatedSeconds,
        QualityScore quality,
        float[][] clips) {

    /** Objective 4: 1 - %MOS. */
    public double oneMinusPercentMos() {
        return 1 - quality.percentMos();
    }

    /** Joules per second of generated audio. */
    public double generationJoulesPerSecond() {
        return generation.joules() / generatedSeconds;
    }
}
