package io.paretone.evaluators.training;

/**
 * A candidate could not be trained (a NaN or infinite loss, an engine error). The search records
 * the candidate as failed with this reason and goes on.
 */
public class TrainingFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public TrainingFailedException(String reason) {
        super(reason);
    }

    public TrainingFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
