package io.paretone.experiments.report;

import io.paretone.search.pareto.Hypervolume;
import io.paretone.search.pareto.ObjectiveBounds;
import io.paretone.search.store.StoredStudy;
import io.paretone.search.store.StoredTrial;
import io.paretone.search.trial.SearchJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uma.jmetal.qualityindicator.impl.hypervolume.impl.PISAHypervolume;

/**
 * The hypervolume of a study's front after each trained candidate, against candidates and against
 * the training CO2e spent so far, computed from the stored trials.
 *
 * <p>jMetal's hypervolume expects minimised objectives in [0, 1] with the reference point at 1.
 * A study that stored its hypervolume bounds ({@code hypervolume_bounds} in {@code study.json},
 * fixed when it was created) is normalised with those, so these values equal the ones the search
 * printed and stored, and compare across studies. Older folders are scaled with bounds fixed for
 * the whole study, so that values of different moments compare: 0 at the best value any feasible
 * trial reached, 1/1.1 at the worst, which puts the reference point 10% beyond the worst and lets
 * the extreme points add volume.
 *
 * @param points one per trial, in order of evaluation
 */
public record HypervolumeHistory(List<Point> points) {

    /**
     * @param trials trials evaluated so far (failed ones included)
     * @param kgCo2eSpent training CO2e of those trials (failed trials record none)
     * @param hypervolume of the feasible front so far, in [0, 1]
     */
    public record Point(int trials, int generation, double kgCo2eSpent, double hypervolume) {}

    public HypervolumeHistory {
        points = List.copyOf(points);
    }

    public static HypervolumeHistory of(StoredStudy study) {
        List<StoredTrial> feasible =
                study.trials().stream().filter(study::feasible).toList();
        int m = study.objectives().size();
        double[] low = new double[m];
        double[] high = new double[m];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (StoredTrial t : feasible) {
            double[] v = study.values(t);
            for (int i = 0; i < m; i++) {
                low[i] = Math.min(low[i], v[i]);
                high[i] = Math.max(high[i], v[i]);
            }
        }
        PISAHypervolume indicator = new PISAHypervolume(ones(m));
        Optional<Hypervolume> fixed = storedBounds(study).map(Hypervolume::new);
        List<Point> points = new ArrayList<>();
        double spent = 0;
        for (int n = 1; n <= study.trials().size(); n++) {
            StoredTrial last = study.trials().get(n - 1);
            if (last.outcome().metrics() != null) {
                spent += last.outcome().metrics().trainingKgCo2e();
            }
            List<StoredTrial> front = study.frontOf(study.trials().subList(0, n));
            double hv = front.isEmpty()
                    ? 0
                    : fixed.isPresent()
                            ? fixed.get().of(front.stream().map(study::values).toList())
                            : indicator.compute(
                                    normalised(front.stream().map(study::values).toList(), low, high));
            points.add(new Point(n, last.generation(), spent, hv));
        }
        return new HypervolumeHistory(points);
    }

    /** The bounds the search normalised with, when the study stored them for all its objectives. */
    static Optional<ObjectiveBounds> storedBounds(StoredStudy study) {
        List<String> names = study.objectives().stream().map(o -> o.name()).toList();
        Map<String, double[]> given = new LinkedHashMap<>();
        for (String name : names) {
            String text = study.settings().get("hypervolume_bounds." + name);
            if (text == null) {
                return Optional.empty();
            }
            try {
                given.put(name, SearchJson.MAPPER.readValue(text, double[].class));
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(ObjectiveBounds.of(names, given));
    }

    /** Each objective mapped onto [0, 1/1.1] between the study-wide best and worst. */
    static double[][] normalised(List<double[]> front, double[] low, double[] high) {
        double[][] out = new double[front.size()][];
        for (int j = 0; j < front.size(); j++) {
            double[] v = front.get(j);
            out[j] = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                double range = high[i] - low[i];
                out[j][i] = range > 0 ? (v[i] - low[i]) / (range * 1.1) : 0;
            }
        }
        return out;
    }

    private static double[] ones(int m) {
        double[] r = new double[m];
        Arrays.fill(r, 1.0);
        return r;
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }
}
