package io.paretone.search;

import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.footprint.DeviceShares;
import io.paretone.search.store.TrialResult;
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

    static TrialResult apply(TrialResult r, DeviceShares.Share share) {
        double f = share.fraction();
        Map<String, Double> objectives = new LinkedHashMap<>(r.objectives());
        for (Objective o : new Objective[] {Objective.CO2E, Objective.INFERENCE_ENERGY}) {
            objectives.computeIfPresent(o.name(), (k, v) -> v * f);
        }
        TrialMetrics m = r.metrics();
        TrialMetrics charged = m == null ? null : new TrialMetrics(m.parameters(), m.generationFlopsPerUnit(),
                m.percentMos(), m.quality(), m.trainingJoules() * f, m.trainingKgCo2e() * f, m.lacosteKgCo2e(),
                m.trainingSeconds(), m.generationSeconds(), m.generationJoulesPerUnit() * f, m.trainingSteps(),
                m.initialLoss(), m.finalLoss(), m.energyMeter(), m.energyEstimated(),
                m.energyMethod() + "; " + describe(share), m.modelBytes(), m.forwardFlopsPerTrainingExample(),
                m.trainingFlops(), m.generationValuesPerSecond(), m.secondsPerUnit(), m.trainingInferenceRatioUnits(),
                m.generationJoules() * f, m.generationKgCo2e() * f, m.energyDevices(),
                m.energyParts().stream().map(p -> new EnergyPart(p.meter(), p.joules() * f, p.estimated())).toList());
        return new TrialResult(r.status(), r.reason(), objectives, charged, r.provenance(), r.pruning(),
                r.totalJoules() * f);
    }

    /** The method, as stored with the trial. */
    static String describe(DeviceShares.Share share) {
        return String.format(Locale.ROOT, "charged %.1f%% of what its worker metered: its %s (%.4g of %.4g J while it ran)",
                100 * share.fraction(), share.method(), share.joules(), share.deviceJoules());
    }
}
