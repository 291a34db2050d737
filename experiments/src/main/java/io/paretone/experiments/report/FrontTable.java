package io.paretone.experiments.report;

import io.paretone.search.StudyResult;
import io.paretone.search.Trial;
import io.paretone.search.TrialMetrics;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Prints the Pareto-optimal architectures of a study as a table with units. */
public final class FrontTable {
    private FrontTable() {}

    public static void print(StudyResult result, PrintWriter out) {
        List<Trial> front = result.front().stream()
                .sorted(Comparator.comparingDouble((Trial t) -> t.objectives()[0]))
                .toList();
        long failed = result.trials().stream().filter(t -> !t.complete()).count();
        out.println();
        out.printf("Pareto front: %d of %d trained architectures (%d failed), all four objectives minimised%n",
                front.size(), result.trials().size(), failed);
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
        out.println("All candidates: " + result.folder().resolve("trials.csv") + " and trials.json; front: front.csv, front.json");
    }
}
