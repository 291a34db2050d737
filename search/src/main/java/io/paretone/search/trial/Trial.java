package io.paretone.search.trial;

import io.paretone.spaces.genome.Genome;

/**
 * One evaluated architecture with everything needed to re-run it.
 *
 * @param number 1-based order in which the study proposed it
 * @param generation the generation that first proposed it, 0 for the initial population
 * @param objectives the minimised objectives in the study's order ({@code StudySettings.objectives()}): final values when
 *     complete, the checkpoint's values when pruned; NaN where unknown (a failed trial knows at
 *     most what was counted before training)
 * @param reason why the trial failed or was pruned, or null
 * @param metrics measured figures beyond the objectives (at the checkpoint when pruned); null when
 *     failed
 * @param pruning where training stopped and what that saved; null unless pruned
 * @param provenance what is needed to reproduce the trial
 */
public record Trial(
        int number,
        int generation,
        Genome genome,
        String description,
        TrialStatus status,
        double[] objectives,
        String reason,
        TrialMetrics metrics,
        Pruning pruning,
        Provenance provenance) {

    public boolean complete() {
        return status == TrialStatus.COMPLETE;
    }

    /**
     * How far a pruned trial's training got.
     *
     * @param step the checkpoint's step, after which training stopped
     * @param plannedSteps the steps its genome asked for
     * @param joulesSaved training energy not spent, extrapolated linearly from the steps done
     */
    public record Pruning(int step, int plannedSteps, double joulesSaved) {}
}
