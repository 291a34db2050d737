package io.paretone.experiments.report;

import io.paretone.evaluators.cost.FlopCount;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.StudyResult;
import io.paretone.search.Trial;
import io.paretone.search.TrialMetrics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Prints the Pareto-optimal architectures of a study as a table with units: the study's objectives
 * first, then cost figures every candidate has whatever was minimised.
 */
public final class FrontTable {
    private FrontTable() {}

    public static void print(StudyResult result, PrintWriter out) {
        List<Objective> objectives = result.settings().objectives();
        List<Trial> front = result.front().stream()
                .sorted(Comparator.comparingDouble((Trial t) -> t.objectives()[0]))
                .toList();
        long failed = result.trials().stream().filter(t -> !t.complete()).count();
        out.println();
        out.printf("Pareto front: %d of %d trained architectures (%d failed), minimising %s%n",
                front.size(), result.trials().size(), failed, Objective.names(objectives).replace(",", ", "));
        String energyNote = front.isEmpty() ? "" : front.get(0).metrics().energyEstimated()
                ? " (estimated: " + front.get(0).metrics().energyMeter() + ")" : " (measured)";
        List<String> header = new ArrayList<>(List.of("trial"));
        objectives.forEach(o -> header.add(ObjectiveColumns.header(o)));
        header.addAll(List.of("Lacoste [g]", "train FLOPs", "samples/s", "break-even [s]", "genome"));
        int[] widths = header.stream().mapToInt(h -> h.equals("trial") ? 6 : Math.max(12, h.length() + 1)).toArray();
        out.println(row(header, widths));
        for (Trial t : front) {
            TrialMetrics m = t.metrics();
            List<String> cells = new ArrayList<>(List.of(Integer.toString(t.number())));
            for (int i = 0; i < objectives.size(); i++) {
                cells.add(ObjectiveColumns.format(objectives.get(i), t.objectives()[i]));
            }
            cells.addAll(List.of(
                    String.format(Locale.ROOT, "%.4g", m.lacosteKgCo2e() * 1000),
                    Units.count(m.trainingFlops()),
                    Units.count(m.generationSamplesPerSecond()),
                    String.format(Locale.ROOT, "%.4g", m.trainingInferenceRatioSeconds()),
                    t.genome().toString()));
            out.println(row(cells, widths));
        }
        out.println();
        out.println("CO2e: training energy" + energyNote + " x " + result.settings().carbon().kgPerKwh()
                + " kgCO2e/kWh; Lacoste: alpha x n x p_max x hours. FLOPs/s: forward FLOPs to generate one second of"
                + " audio (1 multiply-add = 2 FLOPs). 1-%MOS: calibrated proxy, 0 = like held-out real audio, 1 = like noise.");
        out.println("train FLOPs: forward + backward of the whole training run, " + FlopCount.BACKWARD_CONVENTION
                + ". samples/s: measured generation speed (warm-up excluded); RTF = wall seconds per second of audio;"
                + " break-even: seconds of audio whose generation energy equals the training energy.");
        out.printf(Locale.ROOT, "This search's own footprint: %.1f s, %.1f J, %.4g gCO2e (%s).%n",
                result.footprint().seconds(), result.footprint().joules(), result.footprintKgCo2e() * 1000,
                result.footprint().method());
        out.println("All candidates: " + result.folder().resolve("trials.csv") + " and trials.json; front: front.csv, front.json");
    }

    /** Cells padded to their column's width; the last (the genome) is not padded. */
    private static String row(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size() - 1; i++) {
            b.append(String.format("%-" + widths[i] + "s", cells.get(i))).append(' ');
        }
        return b.append(cells.get(cells.size() - 1)).toString();
    }
}
