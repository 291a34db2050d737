package io.paretone.experiments.report;

import io.paretone.search.footprint.FootprintTotals;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints what the whole search cost, at the end of every run and with a stored study's front: its
 * total kWh and kgCO2e, the candidates' share (failed ones included), its own overhead, and the
 * carbon budget if any.
 */
public final class FootprintReport {
    private FootprintReport() {}

    public static void print(FootprintTotals f, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "Energy of this search (%s, %s): %.4g kWh, %.4g kgCO2e in %s%n",
                f.energyMeter(),
                f.energyEstimated() ? "partly or wholly estimated" : "measured",
                f.totalKwh(),
                f.totalKgCo2e(),
                ConsoleProgress.clock(f.totalSeconds()));
        out.printf(
                Locale.ROOT,
                "  candidates:   %.4g kWh, %.4g kgCO2e (%d trained, %d of them failed: %.4g kWh)%n",
                f.candidatesJoules() / 3.6e6,
                f.candidatesKgCo2e(),
                f.candidatesCharged(),
                f.failedCandidates(),
                f.failedCandidatesJoules() / 3.6e6);
        out.printf(
                Locale.ROOT,
                "  own overhead: %.4g kWh, %.4g kgCO2e (data, calibration, warm-up, search, writing)%n",
                f.overheadJoules() / 3.6e6,
                f.overheadKgCo2e());
        out.printf(
                Locale.ROOT,
                "  at %.4g kgCO2e/kWh (%s), PUE %.2f; every candidate in footprint.csv%n",
                f.carbonIntensityKgPerKwh(),
                f.carbonIntensitySource(),
                f.pue());
        if (f.carbonBudgetKg() != null) {
            if (f.stoppedByCarbonBudget()) {
                out.printf(
                        Locale.ROOT,
                        "  carbon budget %.4g kgCO2e reached: the search stopped early, %d proposed candidate(s) not trained%n",
                        f.carbonBudgetKg(),
                        f.candidatesNotTrainedByBudget());
            } else {
                out.printf(
                        Locale.ROOT,
                        "  carbon budget %.4g kgCO2e: %.0f%% used%n",
                        f.carbonBudgetKg(),
                        100 * f.totalKgCo2e() / f.carbonBudgetKg());
            }
        }
    }
}
