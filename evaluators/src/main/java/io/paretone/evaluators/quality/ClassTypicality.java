package io.paretone.evaluators.quality;

import java.util.Arrays;

/**
 * How typical generated images are of the class the judge gives them: a stroke the judge calls
 * "7" must also lie where real 7s lie in the judge's embedding. For each class, the centroid of
 * the reference images whose most likely class it is (the overall centroid for a class no reference
 * image gets); the value of a set is the median, over its images, of the squared Euclidean
 * distance from each image's embedding to the centroid of its own most likely class. The median,
 * not the mean: it asks whether the typical image is typical of its class, and a few odd images
 * neither sink a real set nor lift a failed one.
 *
 * <p>The set-level terms (the Fréchet distance of the embeddings, the class agreement) compare
 * the whole set with the whole reference, so images that each fall between classes, confidently
 * classified and varied, can pass them; this term looks at each image against its class.
 */
final class ClassTypicality {
    private final double[][] centroids;

    /**
     * @param embeddings the judge's embeddings of the reference images
     * @param probabilities the judge's class probabilities for the same images
     */
    ClassTypicality(double[][] embeddings, double[][] probabilities) {
        int classes = probabilities[0].length;
        int d = embeddings[0].length;
        double[][] sum = new double[classes + 1][d];
        int[] count = new int[classes + 1];
        for (int i = 0; i < embeddings.length; i++) {
            int c = JudgeTrainer.argmax(probabilities[i]);
            count[c]++;
            count[classes]++;
            for (int k = 0; k < d; k++) {
                sum[c][k] += embeddings[i][k];
                sum[classes][k] += embeddings[i][k];
            }
        }
        centroids = new double[classes][];
        for (int c = 0; c < classes; c++) {
            int from = count[c] > 0 ? c : classes;
            centroids[c] = new double[d];
            for (int k = 0; k < d; k++) {
                centroids[c][k] = sum[from][k] / count[from];
            }
        }
    }

    /** The median squared distance from each image's embedding to its most likely class's centroid. */
    double of(double[][] embeddings, double[][] probabilities) {
        double[] distances = new double[embeddings.length];
        for (int i = 0; i < embeddings.length; i++) {
            double[] centroid = centroids[JudgeTrainer.argmax(probabilities[i])];
            for (int k = 0; k < centroid.length; k++) {
                double diff = embeddings[i][k] - centroid[k];
                distances[i] += diff * diff;
            }
        }
        Arrays.sort(distances);
        int n = distances.length;
        return n % 2 == 1 ? distances[n / 2] : (distances[n / 2 - 1] + distances[n / 2]) / 2;
    }
}
