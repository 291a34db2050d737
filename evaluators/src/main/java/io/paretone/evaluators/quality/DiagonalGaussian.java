package io.paretone.evaluators.quality;

import io.paretone.spaces.check.Check;

/**
 * Per-dimension mean and standard deviation (population) of a set of vectors: a Gaussian with a
 * diagonal covariance. Its Fréchet (2-Wasserstein) distance to another is
 * {@code sum_i (mu1_i - mu2_i)^2 + (s1_i - s2_i)^2}, the full formula
 * {@code |mu1 - mu2|^2 + tr(S1 + S2 - 2 (S1 S2)^(1/2))} with diagonal covariances. The diagonal
 * form is used because a proxy judges a handful of clips: with fewer vectors than dimensions a
 * full covariance is singular and its square root unstable.
 */
public record DiagonalGaussian(double[] mean, double[] std) {
    public DiagonalGaussian {
        Check.that(mean.length == std.length, "std.length", std.length, "must equal mean.length = " + mean.length);
    }

    /** Fits rows of {@code vectors} (at least one, all of one length). */
    public static DiagonalGaussian fit(double[][] vectors) {
        Check.that(vectors.length > 0, "vectors", 0, "needs at least one vector");
        int d = vectors[0].length;
        double[] mean = new double[d];
        for (double[] v : vectors) {
            Check.that(v.length == d, "vector length", v.length, "must be " + d + " like the first");
            for (int i = 0; i < d; i++) {
                mean[i] += v[i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= vectors.length;
        }
        double[] std = new double[d];
        for (double[] v : vectors) {
            for (int i = 0; i < d; i++) {
                double dev = v[i] - mean[i];
                std[i] += dev * dev;
            }
        }
        for (int i = 0; i < d; i++) {
            std[i] = Math.sqrt(std[i] / vectors.length);
        }
        return new DiagonalGaussian(mean, std);
    }

    /** The squared Fréchet distance to {@code other}, in squared units of the vectors. */
    public double frechetDistance(DiagonalGaussian other) {
        Check.that(other.mean.length == mean.length, "dimensions", other.mean.length, "must be " + mean.length);
        double d = 0;
        for (int i = 0; i < mean.length; i++) {
            double dm = mean[i] - other.mean[i];
            double ds = std[i] - other.std[i];
            d += dm * dm + ds * ds;
        }
        return d;
    }
}
