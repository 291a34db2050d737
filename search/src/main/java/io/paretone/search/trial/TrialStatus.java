package io.paretone.search.trial;

/** Where a trial stands. Only the last three are final. */
public enum TrialStatus {
    /** Proposed by the search, waiting for a worker. */
    QUEUED,
    /** Training in a worker; the trial records which process owns it. */
    RUNNING,
    /** Trained and measured on every objective. */
    COMPLETE,
    /** Could not be trained or measured; the trial carries the reason and ranks worst. */
    FAILED,
    /**
     * Stopped part-way because its objectives, measured at a checkpoint, were already dominated by
     * the front; the trial keeps those partial values and the reason.
     */
    PRUNED;

    public boolean finished() {
        return this == COMPLETE || this == FAILED || this == PRUNED;
    }
}
