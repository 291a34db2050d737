package io.paretone.search.nsga;

import org.uma.jmetal.solution.integersolution.IntegerSolution;

/**
 * Evaluation one candidate at a time, as workers free up: the asynchronous algorithm starts a
 * candidate whenever one may start and hears each outcome as it arrives.
 */
public interface SteadyEvaluation {
    /** True when another candidate may start now: a worker is free and no budget is used up. */
    boolean canStart();

    /** Starts evaluating a solution. */
    void start(IntegerSolution solution);

    /**
     * Waits for the next finished solution, its objectives and constraints filled; null when none
     * is being evaluated. A candidate left untrained by a budget comes back ranked worst.
     */
    IntegerSolution next();

    /** Hears that a solution evaluated by an earlier session joins the population (a resumed search). */
    default void replayed(IntegerSolution solution) {}

    /**
     * Hears that {@code population size} more candidates have finished: a "generation" of the
     * asynchronous search, for the hypervolume history and the stopping rules.
     *
     * @param generation 0 for the first
     * @param finished the solutions finished since the previous one, in order
     * @param population the population kept now
     */
    void generationDone(
            int generation, java.util.List<IntegerSolution> finished, java.util.List<IntegerSolution> population);
}
