package io.paretone.search.store;

import io.paretone.search.trial.Provenance;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialStatus;
import java.util.Map;

/**
 * A trial's final state.
 *
 * @param status COMPLETE, FAILED or PRUNED
 * @param reason why it failed or was pruned; null when complete
 * @param objectives objective name to value: final, partial (pruned) or the parts known before a
 *     failure (parameters of a candidate rejected as too large); may be empty
 * @param metrics null when nothing was measured
 * @param totalJoules every joule the trial cost its worker (counting, training, checkpoints,
 *     generation), 0 when unknown
 */
public record TrialResult(
        TrialStatus status,
        String reason,
        Map<String, Double> objectives,
        TrialMetrics metrics,
        Provenance provenance,
        Trial.Pruning pruning,
        double totalJoules) {}
