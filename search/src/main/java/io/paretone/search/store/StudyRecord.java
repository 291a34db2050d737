package io.paretone.search.store;

import java.time.Instant;
import java.util.List;

/** A stored study, as {@link NewStudy} created it, with its current state. */
public record StudyRecord(
        long id,
        String name,
        String algorithm,
        String family,
        long seed,
        List<String> objectives,
        String boundsJson,
        String settingsJson,
        String launchJson,
        String state,
        String stopReason,
        Instant createdAt) {}
