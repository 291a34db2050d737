package io.paretone.search;

import io.paretone.spaces.genome.Genome;

/**
 * One evaluated architecture with everything needed to re-run it.
 *
 * @param number 1-based order of evaluation in the study
 * @param generation 0 for the initial population
 * @param objectives the minimised objectives in the study's order ({@code StudySettings.objectives()}); empty when failed
 * @param failure why the trial failed, or null
 * @param metrics measured figures beyond the objectives; null when failed
 * @param provenance what is needed to reproduce the trial
 */
public record Trial(
        int number,
        int generation,
        Genome genome,
        String description,
        TrialStatus status,
        double[] objectives,
        String failure,
        TrialMetrics metrics,
        Provenance provenance) {

    public boolean complete() {
        return status == TrialStatus.COMPLETE;
    }
}
