package io.paretone.search;

/** How a trial ended. */
public enum TrialStatus {
    /** Trained and measured on every objective. */
    COMPLETE,
    /** Could not be trained or measured; the trial carries the reason and ranks worst. */
    FAILED
}
