package io.paretone.search.store;

import java.time.Instant;

/**
 * A stored study: what it was created with, and where it stands.
 *
 * @param stopReason why its last run stopped; null while running
 */
public record StudyRecord(long id, NewStudy definition, StudyState state, String stopReason, Instant createdAt) {
    public String name() {
        return definition.name();
    }
}
