package io.paretone.search.store;

/**
 * What one process working on a study has cost so far. Its trials' energy is stored with each
 * trial; the rest is its overhead, so a study's footprint is its trials' energy plus every
 * session's overhead.
 *
 * @param wallSeconds wall time of the session
 * @param mainCpuSeconds CPU time of the scheduling process itself
 * @param mainJoules energy of the scheduling process
 * @param workerJoules energy of its workers as they metered it, trials and their set-up included;
 *     where workers share a device, each reading holds its neighbours' energy too, so this sum may
 *     exceed what was used
 * @param overheadJoules what the session spent outside its own trials: scheduling, the workers'
 *     set-up, energy of a device that no trial used; a shared device's energy counted once, by
 *     the scheduling process's meter of it
 * @param stopReason why the session ended; null while it runs or if it was killed
 */
public record SessionFootprint(
        double wallSeconds,
        double mainCpuSeconds,
        double mainJoules,
        double workerJoules,
        double overheadJoules,
        String stopReason) {
    public static final SessionFootprint NONE = new SessionFootprint(0, 0, 0, 0, 0, null);
}
