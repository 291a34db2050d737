package io.paretone.search.trial;

import io.paretone.evaluators.objectives.Objective;
import io.paretone.spaces.check.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Limits a candidate must respect to be feasible, each an upper bound on one minimised objective
 * (a minimum quality is a maximum of the objective 1 - %MOS). A limit of 0 means none. Violations are graded,
 * how far over relative to the limit, so NSGA-II can steer back, as jMetal's constraint handling
 * expects: a constraint value below zero is a violation of that size. Parameters and FLOPs are
 * known before training, so a candidate over those limits is rejected without spending energy.
 *
 * @param maxParameters most trainable parameters
 * @param maxFlops most forward FLOPs per generated unit of the study's domain
 * @param maxKgCo2e most training CO2e per candidate, in kg
 * @param minPercentMos least quality proxy %MOS, in (0, 1]
 */
public record Constraints(long maxParameters, double maxFlops, double maxKgCo2e, double minPercentMos) {
    public static final Constraints NONE = new Constraints(0, 0, 0, 0);

    /** Index of the "was trained and measured" constraint in a solution's constraint values. */
    public static final int TRAINED = 0;

    public Constraints {
        if (maxParameters < 0) {
            Check.positive("max_parameters", maxParameters);
        }
        if (maxFlops < 0) {
            Check.positive("max_flops", maxFlops);
        }
        if (maxKgCo2e < 0) {
            Check.positive("max_co2e_kg", maxKgCo2e);
        }
        if (minPercentMos != 0) {
            Check.inRange("min_percent_mos", minPercentMos, Double.MIN_VALUE, 1);
        }
    }

    /**
     * An upper bound on one objective.
     *
     * @param key the setting's name, for messages
     */
    public record Limit(String objective, String key, double max) {
        /** Zero when {@code value} respects the limit, else minus the excess relative to it. */
        public double slack(double value) {
            double scale = Math.abs(max) > 0 ? Math.abs(max) : 1;
            return value <= max ? 0 : -(value - max) / scale;
        }
    }

    /** The limits that are set, in a fixed order. */
    public List<Limit> limits() {
        List<Limit> out = new ArrayList<>();
        if (maxKgCo2e > 0) {
            out.add(new Limit(Objective.CO2E.name(), "max_co2e_kg", maxKgCo2e));
        }
        if (maxParameters > 0) {
            out.add(new Limit(Objective.PARAMETERS.name(), "max_parameters", maxParameters));
        }
        if (maxFlops > 0) {
            out.add(new Limit(Objective.FLOPS.name(), "max_flops", maxFlops));
        }
        if (minPercentMos > 0) {
            out.add(new Limit(Objective.QUALITY.name(), "min_percent_mos", 1 - minPercentMos));
        }
        return out;
    }

    /** Constraint values of a solution: the trained flag, then one per limit. */
    public int count() {
        return 1 + limits().size();
    }

    /**
     * The constrained quantities of a measured trial, by objective name, whether or not the study
     * minimises them.
     */
    public static Map<String, Double> figures(TrialMetrics m) {
        return Map.of(
                Objective.CO2E.name(),
                m.trainingKgCo2e(),
                Objective.PARAMETERS.name(),
                (double) m.parameters(),
                Objective.FLOPS.name(),
                (double) m.generationFlopsPerUnit(),
                Objective.QUALITY.name(),
                m.oneMinusPercentMos());
    }

    /** True when a measured trial respects every limit. */
    public boolean respectedBy(TrialMetrics m) {
        return respectedBy(figures(m));
    }

    /** True when every limit whose objective is known holds. */
    public boolean respectedBy(Map<String, Double> objectives) {
        for (Limit l : limits()) {
            Double v = objectives.get(l.objective());
            if (v != null && l.slack(v) < 0) {
                return false;
            }
        }
        return true;
    }
}
