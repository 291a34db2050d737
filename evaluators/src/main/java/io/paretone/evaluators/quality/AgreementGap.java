package io.paretone.evaluators.quality;

/**
 * The class term of the judge proxies of every domain: how much more a judge agrees with itself on
 * one example than across examples, {@code mean_i sum_k p_ik^2 - mean_{i != j} sum_k p_ik p_jk}:
 * the probability that two labels drawn for the same example coincide minus that for two
 * different examples. It is the collision (Renyi order 2) form of the mutual information between
 * example and label, whose exponential is the inception score: confident and varied predictions
 * score up to {@code 1 - 1/K}, predictions that are all alike or all unsure score 0.
 */
final class AgreementGap {
    private AgreementGap() {}

    /**
     * @param p class probabilities {@code [example][class]}, at least one example; a single
     *     example has no pair and scores its confidence
     */
    static double of(double[][] p) {
        int n = p.length;
        double self = 0;
        double[] sum = new double[p[0].length];
        for (double[] row : p) {
            for (int k = 0; k < row.length; k++) {
                self += row[k] * row[k];
                sum[k] += row[k];
            }
        }
        if (n < 2) {
            return self;
        }
        double all = 0;
        for (double s : sum) {
            all += s * s;
        }
        double cross = (all - self) / ((double) n * (n - 1));
        return self / n - cross;
    }
}
