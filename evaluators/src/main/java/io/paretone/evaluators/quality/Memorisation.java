package io.paretone.evaluators.quality;

import java.util.List;

/**
 * The memorisation check of the judge proxies of every domain, and the score they return. Every
 * training example is embedded once by the judge; a generated example counts as memorised when its
 * nearest training embedding is closer (Euclidean) than the nearest training embedding of any of
 * the held-out real examples the proxy was calibrated on.
 */
final class Memorisation {
    private final double[][] training;
    private final double threshold;

    /**
     * @param trainingEmbeddings the judge's embeddings of the training examples (or windows)
     * @param realEmbeddings the judge's embeddings of the held-out real examples
     */
    Memorisation(double[][] trainingEmbeddings, double[][] realEmbeddings) {
        this.training = trainingEmbeddings;
        this.threshold = minimum(nearest(realEmbeddings));
    }

    /**
     * The verdict on generated examples: %MOS the mean of the informative terms' scaled values
     * (0 if none is informative), with the memorisation count of their embeddings.
     */
    QualityScore score(List<QualityTerm> terms, double[][] generatedEmbeddings) {
        double sum = 0;
        int informative = 0;
        for (QualityTerm t : terms) {
            if (t.informative()) {
                sum += t.scaled();
                informative++;
            }
        }
        double[] nearest = nearest(generatedEmbeddings);
        int memorised = 0;
        for (double d : nearest) {
            memorised += d < threshold ? 1 : 0;
        }
        return new QualityScore(informative == 0 ? 0 : sum / informative, terms, memorised, minimum(nearest), threshold);
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
