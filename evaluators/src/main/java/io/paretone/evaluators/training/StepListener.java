package io.paretone.evaluators.training;

/**
 * Hears about each optimiser step, for progress display, and may ask training to stop early.
 *
 * <p>Reading a loss waits for the device to finish everything queued before it, so the trainer
 * reads losses in batches: {@link #onStep} comes for every step, in order, but up to
 * {@link BudgetedTrainer#READ_EVERY} steps late, unless {@link #needsLossAt} asks for a step at once.
 */
@FunctionalInterface
public interface StepListener {
    StepListener NONE = (step, total, loss) -> {};

    /** Called for step {@code step} (1-based) of {@code total} with that step's loss. */
    void onStep(int step, int total, double loss);

    /**
     * Asked after each step is queued: true to have {@link #onStep} for it (and all before it) right
     * away, with the parameters as that step left them (a checkpoint, a progress line that is due).
     * Never by default.
     */
    default boolean needsLossAt(int step, int total) {
        return false;
    }

    /**
     * Asked after each {@link #onStep}: true ends training there, with the steps done so far (a
     * candidate pruned at a checkpoint). Never by default.
     */
    default boolean stopRequested() {
        return false;
    }
}
