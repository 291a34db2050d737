package io.paretone.search.trial;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a trial stands and what it measured: the one shape of a trial's outcome, which the worker
 * sends, the scheduler adjusts (a pruning reason, a shared device's share), the trial store keeps
 * and the search and the reports read.
 *
 * @param status QUEUED or RUNNING while it waits or trains; COMPLETE, FAILED or PRUNED at the end
 * @param reason why it failed or was pruned; null otherwise
 * @param objectives objective name to value, in the study's objective order where present: final,
 *     partial (pruned) or the parts known before a failure (parameters of a candidate rejected as
 *     too large); may be empty
 * @param metrics measured figures beyond the objectives (at the checkpoint when pruned); null when
 *     nothing was measured
 * @param provenance what is needed to reproduce the trial; null when not known
 * @param pruning where training stopped and what that saved; null unless pruned
 * @param totalJoules every joule the trial cost its worker (counting, training, checkpoints,
 *     generation), 0 when unknown
 */
public record TrialOutcome(
        TrialStatus status,
        String reason,
        Map<String, Double> objectives,
        TrialMetrics metrics,
        Provenance provenance,
        Trial.Pruning pruning,
        double totalJoules) {

    public TrialOutcome {
        objectives = objectives == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(objectives));
    }

    /** A trial that ended without a measurement, for {@code reason}. */
    public static TrialOutcome failed(String reason) {
        return new TrialOutcome(TrialStatus.FAILED, reason, Map.of(), null, null, null, 0);
    }

    /** This outcome with another reason. */
    public TrialOutcome withReason(String why) {
        return new TrialOutcome(status, why, objectives, metrics, provenance, pruning, totalJoules);
    }

    @JsonIgnore
    public boolean complete() {
        return status == TrialStatus.COMPLETE;
    }

    /**
     * The objectives as a vector in the order of {@code names}, NaN where unknown: how the search
     * and the reports rank trials.
     */
    public double[] values(List<String> names) {
        double[] v = new double[names.size()];
        for (int i = 0; i < v.length; i++) {
            Double x = objectives.get(names.get(i));
            v[i] = x == null ? Double.NaN : x;
        }
        return v;
    }
}
