package io.paretone.evaluators.quality;

/**
 * How far a set's classes are from the data's class mix: the squared Euclidean distance between the
 * judge's mean class distribution over the set and over the reference images,
 * {@code sum_k (mean_i p_ik - mean_j q_jk)^2}. With a uniform reference it is the collision
 * probability of the set's mean distribution minus {@code 1/K}: 0 for a set spread over the classes
 * as the data is, about {@code 1 - 1/K} for one class throughout.
 *
 * <p>{@link AgreementGap} holds the same cross term, but subtracted from the judge's confidence, so a
 * confident set of one class, which the judge spreads over a few neighbouring classes, could keep
 * an agreement gap of 0.1-0.4; as its own term, under the geometric mean, the balance is a condition
 * a set must meet by itself.
 */
final class ClassBalance {
    private final double[] reference;

    /** @param referenceProbabilities the judge's class probabilities {@code [image][class]} for the reference images */
    ClassBalance(double[][] referenceProbabilities) {
        this.reference = mean(referenceProbabilities);
    }

    /** The squared distance from the mean of {@code probabilities} to the reference's mean. */
    double of(double[][] probabilities) {
        double[] p = mean(probabilities);
        double d = 0;
        for (int k = 0; k < p.length; k++) {
            d += (p[k] - reference[k]) * (p[k] - reference[k]);
        }
        return d;
    }

    private static double[] mean(double[][] probabilities) {
        double[] m = new double[probabilities[0].length];
        for (double[] row : probabilities) {
            for (int k = 0; k < m.length; k++) {
                m[k] += row[k] / probabilities.length;
            }
        }
        return m;
    }
}
