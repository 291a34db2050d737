package io.paretone.search;

import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.footprint.DeviceShares;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialOutcome;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Charges a trial its own share of a device it shared with other trials. Its worker metered the
 * whole device (NVML and RAPL count every process), so while neighbours ran, that reading holds
 * their energy too. The scheduling process knows the trial's share of the device's energy over
 * the trial's window ({@link DeviceShares}); the fraction share / device energy scales every
 * energy figure the worker reported (the trial's total, training, generation, and the objectives
 * made of them), and the method is recorded with the trial. A trial that ran alone keeps its
 * worker's figures (fraction 1).
 */
final class SharedDeviceCharge {
    private SharedDeviceCharge() {}

    static TrialOutcome apply(TrialOutcome r, DeviceShares.Share share) {
        double f = share.fraction();
        Map<String, Double> objectives = new LinkedHashMap<>(r.objectives());
        for (Objective o : new Objective[] {Objective.CO2E, Objective.INFERENCE_ENERGY}) {
            objectives.computeIfPresent(o.name(), (k, v) -> v * f);
        }
        TrialMetrics charged = r.metrics() == null ? null : r.metrics().withEnergyScaled(f, describe(share));
        return new TrialOutcome(
                r.status(), r.reason(), objectives, charged, r.provenance(), r.pruning(), r.totalJoules() * f);
    }

    /** The method, as stored with the trial. */
    static String describe(DeviceShares.Share share) {
        return String.format(
                Locale.ROOT,
                "charged %.1f%% of what its worker metered: its %s (%.4g of %.4g J while it ran)",
                100 * share.fraction(),
                share.method(),
                share.joules(),
                share.deviceJoules());
    }
}
