package io.paretone.evaluators;

import io.paretone.evaluators.energy.EnergyReading;

/**
 * A candidate's training was stopped at a checkpoint (as Optuna's {@code TrialPruned}): not an
 * error, but an outcome that carries what was measured there.
 */
public final class CandidatePrunedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient CandidateMeasurement partial;
    private final int step;
    private final int plannedSteps;
    private final transient EnergyReading checkpoints;

    /**
     * @param partial the measurement at the checkpoint that stopped training
     * @param checkpoints energy of all the checkpoint measurements of this candidate
     */
    public CandidatePrunedException(
            CandidateMeasurement partial, int step, int plannedSteps, EnergyReading checkpoints) {
        super("stopped after step " + step + " of " + plannedSteps);
        this.partial = partial;
        this.step = step;
        this.plannedSteps = plannedSteps;
        this.checkpoints = checkpoints;
    }

    public CandidateMeasurement partial() {
        return partial;
    }

    public int step() {
        return step;
    }

    public int plannedSteps() {
        return plannedSteps;
    }

    public EnergyReading checkpoints() {
        return checkpoints;
    }

    /** Training energy not spent, extrapolated linearly from the steps done. */
    public double joulesSaved() {
        return partial.training().joules() * (plannedSteps - step) / (double) step;
    }
}
