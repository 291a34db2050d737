package io.paretone.experiments.report;

import io.paretone.search.StudyResult;
import io.paretone.search.Trial;
import io.paretone.search.TrialMetrics;
import io.paretone.search.TrialStatus;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Prints the Pareto-optimal architectures of a study as a table with units, and what the search cost. */
public final class FrontTable {
    private FrontTable() {}

    public static void print(StudyResult result, PrintWriter out) {
        List<Trial> front = result.front().stream()
                .sorted(Comparator.comparingDouble((Trial t) -> t.objectives()[0]))
                .toList();
        out.println();
        out.printf("Pareto front: %d of %d trials (%d complete, %d failed, %d pruned), all four objectives minimised%n",
                front.size(), result.trials().size(), result.count(TrialStatus.COMPLETE),
                result.count(TrialStatus.FAILED), result.count(TrialStatus.PRUNED));
        String energyNote = front.isEmpty() ? "" : front.get(0).metrics().energyEstimated()
                ? " (estimated: " + front.get(0).metrics().energyMeter() + ")" : " (measured)";
        out.printf(Locale.ROOT, "%-6s %-12s %-12s %-12s %-9s %-12s %s%n",
                "trial", "CO2e [g]", "params", "FLOPs/s", "1-%MOS", "Lacoste [g]", "genome");
        for (Trial t : front) {
            TrialMetrics m = t.metrics();
            out.printf(Locale.ROOT, "%-6d %-12.4g %-12s %-12s %-9.4f %-12.4g %s%n",
                    t.number(), m.trainingKgCo2e() * 1000, Units.count(m.parameters()),
                    Units.count(m.generationFlopsPerSecond()), 1 - m.percentMos(), m.lacosteKgCo2e() * 1000,
                    t.genome());
        }
        out.println();
        out.println("CO2e: training energy" + energyNote + " x " + result.settings().carbon().kgPerKwh()
                + " kgCO2e/kWh; Lacoste: alpha x n x p_max x hours. FLOPs/s: forward FLOPs to generate one second of"
                + " audio (1 multiply-add = 2 FLOPs). 1-%MOS: calibrated proxy, 0 = like held-out real audio, 1 = like noise.");
        if (!result.hypervolumes().isEmpty()) {
            var last = result.hypervolumes().get(result.hypervolumes().size() - 1);
            out.printf(Locale.ROOT, "Hypervolume %.4f after %d generations (objectives normalised to the study's fixed"
                    + " bounds; history in hypervolume.csv). Stopped: %s.%n", last.hypervolume(), last.generation() + 1,
                    result.stopReason());
        }
        if (result.count(TrialStatus.PRUNED) > 0) {
            out.printf(Locale.ROOT, "Pruning stopped %d candidates early, saving about %.1f J (%.3g gCO2e) of training"
                            + " (extrapolated from their steps done).%n",
                    result.count(TrialStatus.PRUNED), result.prunedJoulesSaved(),
                    result.settings().carbon().kgCo2e(result.prunedJoulesSaved()) * 1000);
        }
        out.printf(Locale.ROOT, "This run's own footprint: %.1f s, %.1f J, %.4g gCO2e (%s).%n",
                result.footprint().seconds(), result.footprint().joules(), result.footprintKgCo2e() * 1000,
                result.footprint().method());
        out.printf(Locale.ROOT, "Scheduling process: %.2f s CPU over %.1f s of search (%.2f%% overhead).%n",
                result.overhead().mainCpuSeconds(), result.overhead().searchSeconds(), 100 * result.overhead().fraction());
        out.println("All candidates: " + result.folder().resolve("trials.csv") + " and trials.json; front: front.csv, front.json");
        out.println("Stored as study '" + result.study() + "' in " + result.storage() + "; resume or extend it with"
                + " --study " + result.study() + ", list studies with 'paretone studies'.");
    }
}
