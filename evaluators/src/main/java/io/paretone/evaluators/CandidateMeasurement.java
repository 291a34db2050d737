package io.paretone.evaluators;

import io.paretone.evaluators.cost.GenerationSpeed;
import io.paretone.evaluators.cost.ModelCost;
import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.evaluators.quality.QualityScore;
import io.paretone.evaluators.training.TrainingOutcome;

/**
 * Everything measured of one trained candidate. Per-unit figures count in the unit of the study's
 * domain ({@link io.paretone.spaces.Domain#unit()}).
 *
 * @param cost parameters, model size and FLOPs, by counting
 * @param training energy of the training window
 * @param trainingKgCo2e measured (or estimated, per {@code training.estimated()}) training CO2e
 * @param lacosteKgCo2e alpha x n x p_max x training hours, for comparison
 * @param generation energy of generating the judged clips
 * @param generatedUnits units generated in that window
 * @param clips the generated examples that were judged
 * @param speed generation speed of that window (warm-up excluded)
 */
public record CandidateMeasurement(
        ModelCost cost,
        TrainingOutcome outcome,
        EnergyReading training,
        double trainingKgCo2e,
        double lacosteKgCo2e,
        EnergyReading generation,
        double generatedUnits,
        QualityScore quality,
        float[][] clips,
        GenerationSpeed speed) {

    /** Objective 4: 1 - %MOS, as the quality score orders it ({@link QualityScore#oneMinusPercentMos}). */
    public double oneMinusPercentMos() {
        return quality.oneMinusPercentMos();
    }

    /** Joules per generated unit. */
    public double generationJoulesPerUnit() {
        return generation.joules() / generatedUnits;
    }

    /**
     * The training/inference ratio: units this candidate can generate before its
     * generation energy equals its training energy.
     */
    public double trainingInferenceRatioUnits() {
        return training.joules() / generationJoulesPerUnit();
    }
}
