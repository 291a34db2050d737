package io.paretone.experiments.report;

import io.paretone.search.StudyResult;
import io.paretone.search.footprint.FootprintSummary;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints what the whole search cost at the end of every run: its total kWh and kgCO2e, the
 * candidates' share (failed ones included), its own overhead, and the carbon budget if any.
 */
public final class FootprintReport {
    private FootprintReport() {}

    public static void print(StudyResult result, PrintWriter out) {
        FootprintSummary f = result.footprint();
        var total = f.total();
        out.println();
        out.printf(Locale.ROOT, "Energy of this search (%s, %s): %.4g kWh, %.4g kgCO2e in %s%n",
                total.meter(), total.estimated() ? "partly or wholly estimated" : "measured",
                total.kilowattHours(), f.totalKgCo2e(), ConsoleProgress.clock(total.seconds()));
        out.printf(Locale.ROOT, "  candidates:   %.4g kWh, %.4g kgCO2e (%d trained, %d of them failed: %.4g kWh)%n",
                f.candidatesJoules() / 3.6e6, f.candidatesKgCo2e(), f.candidates().size(), f.failedCount(),
                f.failedJoules() / 3.6e6);
        out.printf(Locale.ROOT, "  own overhead: %.4g kWh, %.4g kgCO2e (data, calibration, warm-up, search, writing)%n",
                f.overheadJoules() / 3.6e6, f.overheadKgCo2e());
        out.printf(Locale.ROOT, "  at %.4g kgCO2e/kWh (%s), PUE %.2f%n",
                f.carbon().kgPerKwh(), f.carbon().source(), f.carbon().pue());
        if (result.carbonBudgetKg() > 0) {
            if (result.stoppedByCarbonBudget()) {
                out.printf(Locale.ROOT, "  carbon budget %.4g kgCO2e reached: the search stopped early, %d proposed candidate(s) not trained%n",
                        result.carbonBudgetKg(), result.candidatesNotTrained());
            } else {
                out.printf(Locale.ROOT, "  carbon budget %.4g kgCO2e: %.0f%% used%n",
                        result.carbonBudgetKg(), 100 * f.totalKgCo2e() / result.carbonBudgetKg());
            }
        }
        out.println("Per candidate: " + result.folder().resolve("footprint.csv") + "; totals: summary.json");
    }
}
