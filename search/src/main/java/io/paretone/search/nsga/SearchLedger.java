package io.paretone.search.nsga;

import java.util.List;

/**
 * What the stopping rules read: the search's progress, typed, across all sessions of a study. The
 * study keeps it; rules hold a reference and read it when asked.
 */
public interface SearchLedger {
    /** Generations evaluated in this run, replayed ones included. */
    int generations();

    /** Trials in a final state (complete, failed, pruned). */
    int trialsFinished();

    /** Wall seconds the study has run, earlier sessions included. */
    double elapsedSeconds();

    /** CO2e the study has spent so far: trials, workers' set-up and the scheduling process. */
    double kgCo2eSpent();

    /** Energy charged to the finished trials so far (each its own share of a shared device), overhead excluded. */
    double trialJoules();

    /** Hypervolume after each generation, in order. */
    List<Double> hypervolumes();
}
