package io.paretone.evaluators;

/**
 * When a candidate is measured part-way through training, and whether it may go on. A checkpoint
 * measures the partially trained candidate exactly as the final measurement does (generated clips
 * judged by the same proxy), outside the training energy window, so the training CO2e objective
 * stays the energy of training alone.
 */
public interface TrainingCheckpoints {
    /** No checkpoints: every candidate trains to its full budget. */
    TrainingCheckpoints NONE = new TrainingCheckpoints() {
        @Override
        public boolean isCheckpoint(int step, int totalSteps) {
            return false;
        }

        @Override
        public boolean shouldContinue(CandidateMeasurement partial, int step, int totalSteps) {
            return true;
        }
    };

    /** True when the candidate should be measured after {@code step} (1-based) of {@code totalSteps}. */
    boolean isCheckpoint(int step, int totalSteps);

    /** The verdict on a partially trained candidate: false stops its training there. */
    boolean shouldContinue(CandidateMeasurement partial, int step, int totalSteps);
}
