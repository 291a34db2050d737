package io.paretone.search.store;

import java.time.Instant;

/**
 * One line of {@code paretone studies}.
 *
 * @param generations generations with a recorded hypervolume
 * @param hypervolume the latest recorded hypervolume, NaN if none
 * @param trialJoules energy of all its trials
 * @param footprintJoules its trials' energy plus every session's overhead (set-up, scheduling), killed sessions included
 * @param lastOwner the process of its latest session, to tell a running study from a killed one
 * @param settingsJson the settings that define the study (carbon intensity among them)
 */
public record StudyOverview(
        String name,
        String algorithm,
        String family,
        StudyState state,
        String stopReason,
        int queued,
        int running,
        int complete,
        int failed,
        int pruned,
        int generations,
        double hypervolume,
        double trialJoules,
        double footprintJoules,
        double wallSeconds,
        Instant createdAt,
        Instant updatedAt,
        String lastOwner,
        String settingsJson) {

    public int trials() {
        return queued + running + complete + failed + pruned;
    }
}
