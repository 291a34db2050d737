package io.paretone.search;

/** Hears about a study's progress, for display. All methods default to doing nothing. */
public interface SearchProgress {
    SearchProgress NONE = new SearchProgress() {};

    /** A preparation step (data, calibration) starts. */
    default void preparing(String what) {}

    /** @param generation 0 for the initial population */
    default void generationStarted(int generation, int generations, int candidates) {}

    /** A candidate starts training; {@code index} is 1-based within its generation. */
    default void candidateStarted(int generation, int index, int candidates, String description) {}

    default void trainingStep(int step, int steps, double loss) {}

    /** Training is over and audio is being generated and judged. */
    default void candidateGenerating() {}

    /** @param cached true when the genome was already trained in this study */
    default void candidateFinished(Trial trial, boolean cached) {}

    default void generationFinished(int generation, int feasibleFrontSize) {}

    /** A new candidate is not trained, because of {@code reason} (the carbon budget is reached, say). */
    default void candidateSkipped(int generation, int index, int candidates, String description, String reason) {}
}
