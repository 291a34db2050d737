package io.paretone.evaluators.training;

/** Hears about each optimiser step, for progress display. */
@FunctionalInterface
public interface StepListener {
    StepListener NONE = (step, total, loss) -> {};

    /** Called after step {@code step} (1-based) of {@code total} with that step's loss. */
    void onStep(int step, int total, double loss);
}
