package io.paretone.search.store;

import io.paretone.search.footprint.FootprintTotals;

/**
 * The end-of-study counts and the whole search's own footprint, as written in {@code summary.json}.
 *
 * @param candidatesEvaluated candidates the optimiser asked for, repeats of a trained architecture
 *     included
 * @param studySeconds wall time of the whole study
 * @param studyJoules energy of the whole study (data, calibration, training, search overhead)
 * @param studyKgCo2e CO2e of that energy
 * @param studyEnergyMethod how that energy was obtained
 * @param footprint the search's energy split into candidates and overhead, with the carbon budget;
 *     null in folders written before it was stored
 */
public record StudySummary(
        int trials,
        int failed,
        int frontSize,
        int candidatesEvaluated,
        double studySeconds,
        double studyJoules,
        double studyKgCo2e,
        String studyEnergyMethod,
        FootprintTotals footprint) {}
