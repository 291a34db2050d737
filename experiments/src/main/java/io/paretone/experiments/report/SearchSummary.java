package io.paretone.experiments.report;

import io.paretone.search.StudyResult;
import io.paretone.search.TrialStatus;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints what the search engine did in a session: why it stopped, the hypervolume, what pruning
 * saved, what this run and its scheduling process cost, and how to resume the stored study.
 */
public final class SearchSummary {
    private SearchSummary() {}

    public static void print(StudyResult result, PrintWriter out) {
        if (!result.hypervolumes().isEmpty()) {
            var last = result.hypervolumes().get(result.hypervolumes().size() - 1);
            out.printf(Locale.ROOT, "Hypervolume %.4f after %d generations (objectives normalised to the study's fixed"
                    + " bounds; history in hypervolume.csv). Stopped: %s.%n", last.hypervolume(), last.generation() + 1,
                    result.stopReason());
        }
        long pruned = result.count(TrialStatus.PRUNED);
        if (pruned > 0) {
            out.printf(Locale.ROOT, "Pruning stopped %d candidates early, saving about %.1f J (%.3g gCO2e) of training"
                            + " (extrapolated from their steps done).%n",
                    pruned, result.prunedJoulesSaved(), result.settings().carbon().kgCo2e(result.prunedJoulesSaved()) * 1000);
        }
        if (result.resumed()) {
            out.printf(Locale.ROOT, "This run alone: %.1f s, %.1f J, %.4g gCO2e.%n", result.session().wallSeconds(),
                    result.session().joules(), result.settings().carbon().kgCo2e(result.session().joules()) * 1000);
        }
        out.printf(Locale.ROOT, "Scheduling process: %.2f s CPU over %.1f s of search (%.2f%% overhead).%n",
                result.overhead().mainCpuSeconds(), result.overhead().searchSeconds(), 100 * result.overhead().fraction());
        out.println("Stored as study '" + result.study() + "' in " + result.storage() + "; resume or extend it with"
                + " --study " + result.study() + "; list studies with 'paretone studies'.");
    }
}
