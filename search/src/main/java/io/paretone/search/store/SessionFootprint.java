package io.paretone.search.store;

/**
 * What one process working on a study has cost so far.
 *
 * @param wallSeconds wall time of the session
 * @param mainCpuSeconds CPU time of the scheduling process itself
 * @param mainJoules energy of the scheduling process
 * @param workerJoules energy of its workers, trials and their set-up included
 * @param stopReason why the session ended; null while it runs or if it was killed
 */
public record SessionFootprint(
        double wallSeconds, double mainCpuSeconds, double mainJoules, double workerJoules, String stopReason) {
    public static final SessionFootprint NONE = new SessionFootprint(0, 0, 0, 0, null);

    public double joules() {
        return mainJoules + workerJoules;
    }
}
