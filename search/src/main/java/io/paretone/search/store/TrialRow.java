package io.paretone.search.store;

import io.paretone.search.trial.Provenance;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialStatus;
import io.paretone.spaces.genome.SearchSpace;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trial as the trial store keeps it: one row, every state from QUEUED to final.
 *
 * @param objectives objective name to value, in the study's objective order where present
 * @param attempts how many times a process claimed it (more than one after a re-queue)
 * @param totalJoules every joule the trial cost its worker
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
        TrialStatus status,
        String reason,
        String owner,
        String worker,
        String device,
        int attempts,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        Map<String, Double> objectives,
        TrialMetrics metrics,
        Provenance provenance,
        Trial.Pruning pruning,
        double totalJoules) {

    /** Wall seconds from claim to final state; 0 when not finished. */
    public double wallSeconds() {
        return startedAt == null || finishedAt == null ? 0 : (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }

    /**
     * This trial as the search sees it.
     *
     * @param space the study's space, to read the genome back
     * @param objectiveNames the study's objectives, in vector order
     */
    public Trial toTrial(SearchSpace space, List<String> objectiveNames) {
        double[] values = new double[objectiveNames.size()];
        for (int i = 0; i < values.length; i++) {
            Double v = objectives.get(objectiveNames.get(i));
            values[i] = v == null ? Double.NaN : v;
        }
        return new Trial(number, generation, space.parse(genome), description, status, values, reason,
                metrics, pruning, provenance);
    }
}
