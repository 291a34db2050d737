package io.paretone.search.store;

import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One trial read back from a stored study. The genome is kept as text (gene name to value, in gene
 * order), so a report can show any family's genome without rebuilding its search space.
 *
 * @param outcome its status, reason, objectives by name, metrics and provenance as the files hold
 *     them (the files keep no pruning details or joules: null and 0)
 */
public record StoredTrial(
        int number,
        int generation,
        String family,
        Map<String, String> genome,
        String description,
        TrialOutcome outcome) {

    public StoredTrial {
        genome = Collections.unmodifiableMap(new LinkedHashMap<>(genome));
    }

    public TrialStatus status() {
        return outcome.status();
    }

    /** Complete, with the objectives stored. */
    public boolean complete() {
        return outcome.complete() && !outcome.objectives().isEmpty();
    }

    /** The genome as {@code name=value ...}, as the search prints it. */
    public String genomeText() {
        return genome.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
