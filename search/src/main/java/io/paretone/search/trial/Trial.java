package io.paretone.search.trial;

import io.paretone.spaces.genome.Genome;

/**
 * One proposed architecture with everything needed to re-run it, as the search sees it.
 *
 * @param number 1-based order in which the study proposed it
 * @param generation the generation that first proposed it, 0 for the initial population
 * @param outcome where it stands and what it measured: final values when complete, the
 *     checkpoint's values when pruned, at most what was counted before training when failed
 */
public record Trial(int number, int generation, Genome genome, String description, TrialOutcome outcome) {

    public TrialStatus status() {
        return outcome.status();
    }

    public boolean complete() {
        return outcome.complete();
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
