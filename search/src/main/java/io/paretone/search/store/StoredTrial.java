package io.paretone.search.store;

import io.paretone.search.trial.Provenance;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One trial read back from a stored study. The genome is kept as text (gene name to value, in gene
 * order), so a report can show any family's genome without rebuilding its search space.
 *
 * @param objectives values in the order of {@link StoredStudy#objectives()}; null when failed
 * @param reason why the trial failed or was pruned, or null
 * @param metrics measured figures; null when failed
 */
public record StoredTrial(
        int number,
        int generation,
        TrialStatus status,
        String family,
        Map<String, String> genome,
        String description,
        double[] objectives,
        String reason,
        TrialMetrics metrics,
        Provenance provenance) {

    public StoredTrial {
        genome = Collections.unmodifiableMap(new LinkedHashMap<>(genome));
    }

    public boolean complete() {
        return status == TrialStatus.COMPLETE && objectives != null;
    }

    /** The genome as {@code name=value ...}, as the search prints it. */
    public String genomeText() {
        return genome.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
