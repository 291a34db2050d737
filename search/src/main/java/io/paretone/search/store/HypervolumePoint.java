package io.paretone.search.store;

/**
 * The search's progress after one generation.
 *
 * @param trials trials finished so far (complete, failed or pruned)
 * @param kgCo2e CO2e the search has spent so far, its overhead included
 * @param hypervolume of the feasible complete trials so far, on normalised objectives
 * @param frontSize feasible complete trials on the Pareto front
 */
public record HypervolumePoint(int generation, int trials, double kgCo2e, double hypervolume, int frontSize) {}
