package io.paretone.evaluators.training;

/** Hears about each optimiser step, for progress display, and may ask training to stop early. */
@FunctionalInterface
public interface StepListener {
    StepListener NONE = (step, total, loss) -> {};

    /** Called after step {@code step} (1-based) of {@code total} with that step's loss. */
    void onStep(int step, int total, double loss);

    /**
     * Asked after each {@link #onStep}: true ends training there, with the steps done so far (a
     * candidate pruned at a checkpoint). Never by default.
     */
    default boolean stopRequested() {
        return false;
    }
}
