package io.paretone.experiments.report;

import io.paretone.search.store.StoredStudy;
import io.paretone.search.store.StoredTrial;
import io.paretone.search.store.StudySummary;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Prints the Pareto-optimal architectures of a study as a table with units, and how each figure was obtained. */
public final class FrontTable {
    private FrontTable() {}

    public static void print(StoredStudy study, PrintWriter out) {
        List<ObjectiveView> views = ObjectiveView.of(study);
        List<StoredTrial> front = sortedFront(study);
        out.println();
        out.printf("Pareto front: %d of %d trained architectures (%d failed), all %d objectives minimised%s%n",
                front.size(), study.trials().size(), study.failedTrials().size(), views.size(),
                study.finished() ? "" : " (study not finished: trials so far)");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-6s", "trial"));
        for (ObjectiveView v : views) {
            header.append(String.format(Locale.ROOT, " %-12s", v.label()));
        }
        header.append(String.format(Locale.ROOT, " %-12s %-10s %s", "Lacoste [g]", "energy", "genome"));
        out.println(header);
        for (StoredTrial t : front) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-6d", t.number()));
            for (ObjectiveView v : views) {
                row.append(String.format(Locale.ROOT, " %-12s", v.format(v.value(t))));
            }
            row.append(String.format(Locale.ROOT, " %-12.4g %-10s %s",
                    t.metrics().lacosteKgCo2e() * 1000, views.get(0).basis(t), t.genomeText()));
            out.println(row);
        }
        out.println();
        if (!front.isEmpty()) {
            for (ObjectiveView v : views) {
                out.println("  " + v.label() + ": " + v.how(front.get(0)) + ".");
            }
            out.printf(Locale.ROOT, "  Grid carbon intensity %.3f kgCO2e/kWh; Lacoste: alpha x n x p_max x hours, for comparison.%n",
                    study.carbonKgPerKwh());
        }
        study.summary().ifPresent(s -> printFootprint(s, out));
        out.println("Run folder: " + study.location() + " (every trial in trials.csv and trials.json; report.html)");
        out.flush();
    }

    /** The front, lowest value of the first objective first. */
    public static List<StoredTrial> sortedFront(StoredStudy study) {
        return study.front().stream().sorted(Comparator.comparingDouble((StoredTrial t) -> t.objectives()[0])).toList();
    }

    private static void printFootprint(StudySummary s, PrintWriter out) {
        out.printf(Locale.ROOT, "This search's own footprint: %.1f s, %.1f J, %.4g gCO2e (%s).%n",
                s.studySeconds(), s.studyJoules(), s.studyKgCo2e() * 1000, s.studyEnergyMethod());
    }
}
