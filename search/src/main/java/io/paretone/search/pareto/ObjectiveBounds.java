package io.paretone.search.pareto;

import io.paretone.evaluators.objectives.Objective;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.check.InvalidValueException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed box that maps each objective onto [0, 1] for the hypervolume and for pruning. It is
 * chosen when a study is created and stored with it, never recomputed from the trials, so that
 * hypervolumes of two runs (two seeds, NSGA-II against random search) are comparable.
 *
 * <p>Costs that span orders of magnitude (CO2e, parameters, FLOPs) are normalised on a log scale,
 * so that halving a small model counts as much as halving a large one; 1 - %MOS is linear (each
 * objective's {@link Objective#bounds()} says which). A value
 * beyond the box is clamped to it: above the upper bound it adds no hypervolume.
 */
public record ObjectiveBounds(List<Scale> scales) {

    /**
     * One objective's normalisation.
     *
     * @param low maps to 0
     * @param high maps to 1, the hypervolume's reference point
     * @param logarithmic normalise log10 of the value; needs {@code low > 0}
     */
    public record Scale(String objective, double low, double high, boolean logarithmic) {
        public Scale {
            Check.notNull("objective", objective);
            Check.that(
                    high > low,
                    "hypervolume." + objective,
                    "[" + low + ", " + high + "]",
                    "the upper bound must exceed the lower");
            Check.that(
                    !logarithmic || low > 0,
                    "hypervolume." + objective,
                    "[" + low + ", " + high + "]",
                    "a log-scaled objective needs a positive lower bound");
        }

        /** The value in [0, 1]; NaN maps to 1 (no contribution). */
        public double normalise(double value) {
            if (Double.isNaN(value)) {
                return 1;
            }
            double x = logarithmic
                    ? (Math.log10(Math.max(value, Double.MIN_NORMAL)) - Math.log10(low))
                            / (Math.log10(high) - Math.log10(low))
                    : (value - low) / (high - low);
            return Math.max(0, Math.min(1, x));
        }

        /** The scale in words, for messages. */
        public String describe() {
            return objective + " in [" + low + ", " + high + "]" + (logarithmic ? " (log)" : "");
        }
    }

    /**
     * The default scale of an objective, from {@link Objective#bounds()}: wide enough for tiny CPU
     * models up to GPU-sized ones. An objective unknown here gets [0, 1] linear; give it bounds in
     * the study's config.
     */
    private static Scale defaultScale(String name) {
        return Objective.ALL.stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .map(o -> new Scale(
                        name, o.bounds().low(), o.bounds().high(), o.bounds().logarithmic()))
                .orElseGet(() -> new Scale(name, 0, 1, false));
    }

    public ObjectiveBounds {
        scales = List.copyOf(scales);
    }

    /**
     * Bounds for these objectives: the given ones where named, the defaults otherwise.
     *
     * @param given objective name to {low, high}; the scale (log or linear) stays the default's
     * @throws InvalidValueException for a name not among the objectives
     */
    public static ObjectiveBounds of(List<String> objectives, Map<String, double[]> given) {
        for (String name : given.keySet()) {
            if (!objectives.contains(name)) {
                throw new InvalidValueException(
                        "hypervolume." + name, name, "not an objective; objectives are " + objectives);
            }
        }
        List<Scale> out = new ArrayList<>();
        for (String name : objectives) {
            Scale d = defaultScale(name);
            double[] g = given.get(name);
            if (g != null) {
                Check.that(g.length == 2, "hypervolume." + name, java.util.Arrays.toString(g), "give [low, high]");
                d = new Scale(name, g[0], g[1], d.logarithmic());
            }
            out.add(d);
        }
        return new ObjectiveBounds(out);
    }

    public static ObjectiveBounds defaults(List<String> objectives) {
        return of(objectives, Map.of());
    }

    /** Normalises a vector of objectives in the order of {@link #scales()}. */
    public double[] normalise(double[] values) {
        if (values.length != scales.size()) {
            throw new IllegalArgumentException(values.length + " objectives for " + scales.size() + " bounds");
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = scales.get(i).normalise(values[i]);
        }
        return out;
    }

    /** Objective name to {low, high}, for configs and messages. */
    public Map<String, double[]> asMap() {
        Map<String, double[]> m = new LinkedHashMap<>();
        scales.forEach(s -> m.put(s.objective(), new double[] {s.low(), s.high()}));
        return m;
    }
}
