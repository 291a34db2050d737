package io.paretone.search;

import io.paretone.search.store.HypervolumePoint;
import io.paretone.search.trial.Trial;

/**
 * Hears about a study's progress, for display. All methods default to doing nothing. With several
 * workers, events of different trials interleave; each names its trial.
 */
public interface SearchProgress {
    SearchProgress NONE = new SearchProgress() {};

    /** A preparation step (data, calibration, workers) starts. */
    default void preparing(String what) {}

    /**
     * The study already existed and carries on.
     *
     * @param finished trials already in a final state, which will not be trained again
     * @param requeued trials left RUNNING by a process that is gone, now queued again
     */
    default void resumed(String study, int finished, int requeued) {}

    /** @param generation 0 for the initial population */
    default void generationStarted(int generation, int generations, int candidates) {}

    /**
     * A trial goes to a worker; {@code index} is 1-based among the trials sent out in this
     * generation.
     */
    default void candidateStarted(
            int trial, int generation, int index, int candidates, String description, String worker) {}

    default void trainingStep(int trial, int step, int steps, double loss) {}

    /** Training of {@code trial} is over and its examples are being generated and judged. */
    default void candidateGenerating(int trial) {}

    /** @param cached true when the architecture was already evaluated in this study (or by another process) */
    default void candidateFinished(Trial trial, boolean cached) {}

    /** @param summary the study after the generation: trials, CO2e, hypervolume, front size */
    default void generationFinished(int generation, HypervolumePoint summary) {}

    /** The search stopped, for {@code reason}. */
    default void stopped(String reason) {}

    /** A new candidate is not trained, because of {@code reason} (the carbon budget is reached, say). */
    default void candidateSkipped(int generation, int index, int candidates, String description, String reason) {}
}
