package io.paretone.evaluators.training;

/**
 * What a training run did.
 *
 * @param losses the loss of every step, in order
 */
public record TrainingOutcome(float[] losses) {
    public int steps() {
        return losses.length;
    }

    /** Mean loss over the first tenth of the steps (at least one step). */
    public double initialLoss() {
        return mean(0, Math.max(1, losses.length / 10));
    }

    /** Mean loss over the last tenth of the steps (at least one step). */
    public double finalLoss() {
        return mean(losses.length - Math.max(1, losses.length / 10), losses.length);
    }

    private double mean(int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += losses[i];
        }
        return sum / (to - from);
    }
}
