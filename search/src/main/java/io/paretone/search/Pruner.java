package io.paretone.search;

import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.pareto.ObjectiveBounds;
import io.paretone.search.trial.Trial;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Multi-objective early stopping: decides at a checkpoint whether a partly trained candidate is
 * already dominated by the front with a margin, in which case its training stops (PRUNED).
 *
 * <p>Objectives differ in what a partial value says about the final one. Parameters and FLOPs are
 * exact from the start. Training CO2e only grows, so the partial value is a lower bound: a front
 * point at most that costly is at most as costly as the finished candidate would be. Quality (and
 * any objective not known here) can still improve, so a front point must beat it by
 * {@code margin}, in normalised units, to count as dominating. Comparisons are made on the study's
 * normalised objectives, so the margin means the same for every objective and study.
 */
final class Pruner {
    private final StudySettings.Pruning settings;
    private final ObjectiveBounds bounds;
    private final List<String> objectives;

    Pruner(StudySettings.Pruning settings, ObjectiveBounds bounds, List<String> objectives) {
        this.settings = settings;
        this.bounds = bounds;
        this.objectives = objectives;
    }

    boolean enabled() {
        return settings.enabled();
    }

    double[] checkpoints() {
        return settings.checkpoints();
    }

    /**
     * @param partial the candidate's objectives at the checkpoint, by name
     * @param front the feasible complete trials so far
     * @return why to stop training, or null to go on
     */
    String verdict(Map<String, Double> partial, int step, int steps, List<Trial> front) {
        double[] p = new double[objectives.size()];
        for (int i = 0; i < p.length; i++) {
            Double v = partial.get(objectives.get(i));
            if (v == null || v.isNaN()) {
                return null; // cannot compare what was not measured
            }
            p[i] = v;
        }
        double[] pn = bounds.normalise(p);
        for (Trial t : front) {
            double[] fn = bounds.normalise(t.outcome().values(objectives));
            if (dominatesWithMargin(fn, pn)) {
                return String.format(
                        Locale.ROOT,
                        "pruned after step %d of %d: dominated by trial %d with margin %.2f (normalised %s vs %s)",
                        step,
                        steps,
                        t.number(),
                        settings.margin(),
                        format(fn),
                        format(pn));
            }
        }
        return null;
    }

    private boolean dominatesWithMargin(double[] f, double[] p) {
        boolean strictly = false;
        for (int i = 0; i < f.length; i++) {
            double margin = stillImproving(objectives.get(i)) ? settings.margin() : 0;
            if (f[i] > p[i] - margin) {
                return false;
            }
            strictly |= f[i] < p[i];
        }
        return strictly;
    }

    /** True for objectives whose value may still get better with more training. */
    static boolean stillImproving(String objective) {
        return !(objective.equals(Objective.PARAMETERS.name())
                || objective.equals(Objective.FLOPS.name())
                || objective.equals(Objective.CO2E.name()));
    }

    private static String format(double[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v[i]));
        }
        return sb.append(')').toString();
    }
}
