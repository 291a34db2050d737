package io.paretone.evaluators.quality;

/**
 * The memorisation check of the judge proxies of every domain. Every training example is embedded
 * once by the judge; a generated example counts as memorised when its nearest training embedding
 * (Euclidean) is closer than {@value #NEAR_COPY} times the smallest such distance of any held-out
 * real example (every held-out window, at every offset the proxy crops): a near-copy. The factor
 * leaves a margin below the closest held-out example, because the minimum over a few dozen held-out
 * windows is a noisy estimate of how close novel real audio comes (independent renderings of the
 * notes data came within 0.7 of it); a copy lies at distance 0. {@link QualityScore} scores each
 * memorised example as noise.
 */
final class Memorisation {
    static final double NEAR_COPY = 0.5;
    private final double[][] training;
    private final double threshold;

    /**
     * @param trainingEmbeddings the judge's embeddings of the training examples (or windows)
     * @param realEmbeddings the judge's embeddings of every held-out real example (or window)
     */
    Memorisation(double[][] trainingEmbeddings, double[][] realEmbeddings) {
        this.training = trainingEmbeddings;
        this.threshold = NEAR_COPY * minimum(nearest(realEmbeddings));
    }

    /**
     * At most {@code most} of the training examples, evenly spread over them (all of them when
     * there are no more): what a proxy embeds for the check, so that a large training split costs
     * a bounded calibration.
     */
    static <T> java.util.List<T> spread(java.util.List<T> examples, int most) {
        int kept = Math.min(most, examples.size());
        java.util.List<T> out = new java.util.ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            out.add(examples.get((int) ((long) i * examples.size() / kept)));
        }
        return out;
    }

    /**
     * The verdict on generated examples: their terms, combined as the anchors that calibrated them say,
     * with the memorisation count of their embeddings.
     */
    QualityScore score(java.util.List<QualityTerm> terms, TermAnchors anchors, double[][] generatedEmbeddings) {
        return score(terms, anchors, generatedEmbeddings, 1);
    }

    /** As {@link #score(java.util.List, TermAnchors, double[][])}, with the share of clips recognised as asked. */
    QualityScore score(
            java.util.List<QualityTerm> terms, TermAnchors anchors, double[][] generatedEmbeddings, double recognised) {
        double[] nearest = nearest(generatedEmbeddings);
        int memorised = 0;
        for (double d : nearest) {
            memorised += d < threshold ? 1 : 0;
        }
        return QualityScore.of(
                terms,
                anchors.mean(),
                anchors.percentMosSpread(),
                generatedEmbeddings.length,
                memorised,
                minimum(nearest),
                threshold,
                recognised);
    }

    /** The distance below which a generated example counts as memorised. */
    double threshold() {
        return threshold;
    }

    /** For each embedding, the Euclidean distance to its nearest training embedding. */
    private double[] nearest(double[][] embeddings) {
        double[] out = new double[embeddings.length];
        for (int i = 0; i < embeddings.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] t : training) {
                double d = 0;
                for (int k = 0; k < t.length && d < best; k++) {
                    double diff = embeddings[i][k] - t[k];
                    d += diff * diff;
                }
                best = Math.min(best, d);
            }
            out[i] = Math.sqrt(best);
        }
        return out;
    }

    private static double minimum(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
