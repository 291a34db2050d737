package io.paretone.search.store;

/**
 * Reads a stored study back for reports. One implementation per way of storing a study (a run
 * folder today; a database later), so reports never depend on how the trials were written.
 */
public interface StudyReader {
    /**
     * The study as stored now. A study still running, or stopped before its end, gives the trials
     * finished so far and {@link StoredStudy#finished()} false.
     *
     * @throws io.paretone.spaces.check.InvalidValueException if there is no readable study there
     * @throws java.io.UncheckedIOException if the files cannot be read
     */
    StoredStudy read();
}
