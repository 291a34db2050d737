package io.paretone.search.pareto;

import java.util.List;
import org.uma.jmetal.qualityindicator.impl.hypervolume.impl.PISAHypervolume;

/**
 * The hypervolume of a set of minimised objective vectors: the volume of the region of the unit
 * box that they dominate, after normalisation by fixed {@link ObjectiveBounds}, with the reference
 * point at 1 in every objective. 1 would mean one point at the ideal corner; 0 means nothing
 * inside the box. Computed with jMetal's PISA implementation (Zitzler's algorithm), exact for any
 * number of objectives.
 */
public final class Hypervolume {
    private final ObjectiveBounds bounds;

    public Hypervolume(ObjectiveBounds bounds) {
        this.bounds = bounds;
    }

    public ObjectiveBounds bounds() {
        return bounds;
    }

    /** @param points objective vectors in the bounds' order; dominated points are allowed */
    public double of(List<double[]> points) {
        if (points.isEmpty()) {
            return 0;
        }
        int m = bounds.scales().size();
        double[][] normalised = new double[points.size()][];
        for (int i = 0; i < normalised.length; i++) {
            normalised[i] = bounds.normalise(points.get(i));
        }
        double[] reference = new double[m];
        java.util.Arrays.fill(reference, 1.0);
        return new PISAHypervolume(reference).compute(normalised);
    }
}
