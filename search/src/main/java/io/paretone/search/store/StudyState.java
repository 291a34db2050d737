package io.paretone.search.store;

/** Where a stored study stands: stored in the {@code studies} table by name. */
public enum StudyState {
    /** A session is running it, or was killed while running it (its owner is gone). */
    RUNNING,
    /** Its last session ended normally; the stop reason says why. */
    STOPPED,
    /** Its last session ended on an error; its running trials went back to the queue. */
    FAILED
}
