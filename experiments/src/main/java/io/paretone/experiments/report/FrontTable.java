package io.paretone.experiments.report;

import io.paretone.evaluators.cost.FlopCount;
import io.paretone.search.store.StoredStudy;
import io.paretone.search.store.StoredTrial;
import io.paretone.search.store.StudySummary;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialStatus;
import io.paretone.spaces.Domain;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints the Pareto-optimal architectures of a study as a table with units: the study's objectives
 * first, then cost figures every candidate has whatever was minimised, then how each objective was
 * obtained (measured, estimated or counted).
 */
public final class FrontTable {
    private FrontTable() {}

    public static void print(StoredStudy study, PrintWriter out) {
        List<ObjectiveView> views = ObjectiveView.of(study);
        List<StoredTrial> front = sortedFront(study);
        out.println();
        long pruned = study.trials().stream()
                .filter(t -> t.status() == TrialStatus.PRUNED)
                .count();
        out.printf(
                "Pareto front: %d of %d trained architectures (%d failed%s), minimising %s%s%n",
                front.size(),
                study.trials().size(),
                study.failedTrials().size() - pruned,
                pruned == 0 ? "" : ", " + pruned + " pruned",
                views.stream().map(ObjectiveView::name).collect(Collectors.joining(", ")),
                study.finished() ? "" : " (study not finished: trials so far)");
        List<String> header = new ArrayList<>(List.of("trial"));
        views.forEach(v -> header.add(v.label()));
        Domain domain = study.domain();
        header.addAll(List.of(
                "Lacoste [g]",
                "train FLOPs",
                domain.valueWords().split(" ")[0] + "/s",
                "break-even [" + domain.shortUnit() + "]",
                "energy",
                "genome"));
        int[] widths = header.stream()
                .mapToInt(h -> h.equals("trial") ? 6 : Math.max(12, h.length() + 1))
                .toArray();
        out.println(row(header, widths));
        for (StoredTrial t : front) {
            TrialMetrics m = t.outcome().metrics();
            List<String> cells = new ArrayList<>(List.of(Integer.toString(t.number())));
            views.forEach(v -> cells.add(v.format(v.value(t))));
            cells.addAll(List.of(
                    String.format(Locale.ROOT, "%.4g", m.lacosteKgCo2e() * 1000),
                    Units.count(m.trainingFlops()),
                    Units.count(m.generationValuesPerSecond()),
                    String.format(Locale.ROOT, "%.4g", m.trainingInferenceRatioUnits()),
                    m.energyEstimated() ? "estimated" : "measured",
                    t.genomeText()));
            out.println(row(cells, widths));
        }
        out.println();
        if (!front.isEmpty()) {
            for (ObjectiveView v : views) {
                out.println("  " + v.label() + ": " + v.how(front.get(0)) + ".");
            }
        }
        out.printf(
                Locale.ROOT,
                "  Grid carbon intensity %.3f kgCO2e/kWh; Lacoste: alpha x n x p_max x hours, for comparison.%n",
                study.carbonKgPerKwh());
        out.println("  train FLOPs: forward + backward of the whole training run, " + FlopCount.BACKWARD_CONVENTION
                + ". " + domain.valueWords().split(" ")[0] + "/s: measured generation speed in " + domain.valueWords()
                + " per second (warm-up excluded); break-even: " + domain.units() + " whose"
                + " generation energy equals the training energy.");
        study.summary().ifPresent(s -> printFootprint(s, out));
        out.println("Run folder: " + study.location() + " (every trial in trials.csv and trials.json; report.html)");
        out.flush();
    }

    /** The front, lowest value of the first objective first. */
    public static List<StoredTrial> sortedFront(StoredStudy study) {
        return study.front().stream()
                .sorted(Comparator.comparingDouble((StoredTrial t) -> study.values(t)[0]))
                .toList();
    }

    private static void printFootprint(StudySummary s, PrintWriter out) {
        if (s.footprint() != null) {
            FootprintReport.print(s.footprint(), out);
            return;
        }
        // Folders written before the footprint was split into candidates and overhead.
        out.printf(
                Locale.ROOT,
                "This search's own footprint: %.1f s, %.1f J, %.4g gCO2e (%s).%n",
                s.studySeconds(),
                s.studyJoules(),
                s.studyKgCo2e() * 1000,
                s.studyEnergyMethod());
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
