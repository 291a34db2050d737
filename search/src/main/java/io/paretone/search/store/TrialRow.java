package io.paretone.search.store;

import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.spaces.genome.SearchSpace;
import java.time.Instant;

/**
 * A trial as the trial store keeps it: one row, every state from QUEUED to final. What the search
 * proposed and who claimed it are the row's own; where it stands and what it measured is its
 * {@link TrialOutcome}.
 *
 * @param attempts how many times a process claimed it (more than one after a re-queue)
 */
public record TrialRow(
        long id,
        int number,
        int generation,
        String architecture,
        String family,
        String genome,
        String description,
        long seed,
        String owner,
        String worker,
        String device,
        int attempts,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        TrialOutcome outcome) {

    /** Wall seconds from claim to final state; 0 when not finished. */
    public double wallSeconds() {
        return startedAt == null || finishedAt == null
                ? 0
                : (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }

    /**
     * This trial as the search sees it.
     *
     * @param space the study's space, to read the genome back
     */
    public Trial toTrial(SearchSpace space) {
        return new Trial(number, generation, space.parse(genome), description, outcome);
    }
}
