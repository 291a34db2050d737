package io.paretone.experiments.report;

import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.StudyResult;
import io.paretone.search.pareto.ObjectiveBounds;
import io.paretone.search.trial.TrialStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints what the search engine did in a session: why it stopped, the hypervolume, what pruning
 * saved, what this run and its scheduling process cost, and how to resume the stored study.
 */
public final class SearchSummary {
    private SearchSummary() {}

    /**
     * The objectives in which every front member reaches the hypervolume's upper bound, in words
     * ("" if none): each alone makes the hypervolume 0. For 1 - %MOS the bound 1 is the noise anchor.
     */
    static String beyondTheReference(StudyResult result) {
        List<String> names =
                result.settings().objectives().stream().map(Objective::name).toList();
        ObjectiveBounds bounds = ObjectiveBounds.of(names, result.settings().hypervolumeBounds());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            ObjectiveBounds.Scale scale = bounds.scales().get(i);
            if (!result.front().isEmpty()
                    && result.front().stream()
                            .allMatch(t -> scale.normalise(t.outcome().values(names)[index]) >= 1)) {
                out.add(String.format(
                        Locale.ROOT,
                        "%s (upper bound %s%s)",
                        names.get(i),
                        scale.high(),
                        names.get(i).equals(Objective.QUALITY.name())
                                ? ", the noise anchor: every candidate judged worse than noise"
                                : ""));
            }
        }
        return String.join(", ", out);
    }

    public static void print(StudyResult result, PrintWriter out) {
        if (!result.hypervolumes().isEmpty()) {
            var last = result.hypervolumes().get(result.hypervolumes().size() - 1);
            out.printf(
                    Locale.ROOT,
                    "Hypervolume %.4f after %d generations (objectives normalised to the study's fixed"
                            + " bounds; history in hypervolume.csv). Stopped: %s.%n",
                    last.hypervolume(),
                    last.generation() + 1,
                    result.stopReason());
            if (last.hypervolume() == 0) {
                String beyond = beyondTheReference(result);
                if (!beyond.isEmpty()) {
                    out.println("  It is 0 because every front member lies at or beyond the reference point in "
                            + beyond + ": the front is still ranked by the objectives themselves.");
                }
            }
        }
        long pruned = result.count(TrialStatus.PRUNED);
        if (pruned > 0) {
            out.printf(
                    Locale.ROOT,
                    "Pruning stopped %d candidates early, saving about %.1f J (%.3g gCO2e) of training"
                            + " (extrapolated from their steps done).%n",
                    pruned,
                    result.prunedJoulesSaved(),
                    result.settings().carbon().kgCo2e(result.prunedJoulesSaved()) * 1000);
        }
        if (result.resumed()) {
            out.printf(
                    Locale.ROOT,
                    "This run alone: %.1f s, %.1f J, %.4g gCO2e.%n",
                    result.session().wallSeconds(),
                    result.sessionJoules(),
                    result.settings().carbon().kgCo2e(result.sessionJoules()) * 1000);
        }
        out.printf(
                Locale.ROOT,
                "Scheduling process: %.2f s CPU over %.1f s of search (%.2f%% overhead, %.3f s per trial);"
                        + " before the first trial (JVM start, set-up) %.2f s; in all %.2f s.%n",
                result.overhead().mainCpuSeconds(),
                result.overhead().searchSeconds(),
                100 * result.overhead().fraction(),
                result.overhead().cpuSecondsPerTrial(),
                result.overhead().startupCpuSeconds(),
                result.overhead().totalCpuSeconds());
        out.println("Stored as study '" + result.study() + "' in " + result.storage() + "; resume or extend it with"
                + " --study " + result.study() + "; list studies with 'paretone studies'.");
    }
}
