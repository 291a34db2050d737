package io.paretone.spaces.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.runtime.DjlRuntime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CategoricalTest {
    /** Five classes, one of them impossible: cumulative 0.1, 0.3, 0.3, 0.65, 1.0. */
    private static final double[] P = {0.1, 0.2, 0, 0.35, 0.35};

    private static NDArray logits(NDManager m, int rows) {
        float[] logits = new float[rows * P.length];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) Math.log(P[i % P.length]); // -Infinity for the impossible class
        }
        return m.create(logits, new Shape(rows, P.length));
    }

    @Test
    void deviceDrawPicksTheFirstClassWhoseCumulativeProbabilityExceedsU() {
        try (NDManager m = DjlRuntime.engine().newBaseManager(DjlRuntime.device("cpu"))) {
            float[] u = {0f, 0.05f, 0.15f, 0.29f, 0.31f, 0.64f, 0.66f, 0.999999f};
            long[] expected = {0, 0, 1, 1, 3, 3, 4, 4}; // by hand from the cumulative sums above
            NDArray drawn = Categorical.drawOnDevice(logits(m, u.length), m.create(u, new Shape(u.length, 1)));
            assertEquals(new Shape(u.length, 1), drawn.getShape());
            assertEquals(DataType.INT64, drawn.getDataType());
            assertArrayEquals(expected, drawn.toLongArray());
        }
    }

    /**
     * With the engine's uniforms, each class is drawn with its probability: over n draws its count
     * is Binomial(n, p), so it lies within 5 standard deviations of n p (a false alarm about once in
     * 3.5 million per class); the impossible class is never drawn.
     */
    @Test
    void deviceDrawFollowsTheSoftmaxProbabilities() {
        int n = 40_000;
        try (NDManager m = DjlRuntime.engine().newBaseManager(DjlRuntime.device("cpu"))) {
            DjlRuntime.engine().setRandomSeed(11);
            NDArray u = m.randomUniform(0, 1, new Shape(n, 1));
            long[] drawn = Categorical.drawOnDevice(logits(m, n), u).toLongArray();
            int[] counts = new int[P.length];
            for (long c : drawn) {
                counts[(int) c]++;
            }
            for (int i = 0; i < P.length; i++) {
                double mean = n * P[i];
                double bound = 5 * Math.sqrt(n * P[i] * (1 - P[i]));
                assertTrue(
                        Math.abs(counts[i] - mean) <= bound,
                        "class " + i + ": " + counts[i] + " draws, expected " + mean + " +- " + bound);
            }
        }
    }

    @Test
    void deviceDrawAgreesWithTheHostDrawOnRandomDistributions() {
        int rows = 200;
        int classes = 256;
        SplittableRandom random = new SplittableRandom(3);
        float[] logits = new float[rows * classes];
        float[] u = new float[rows];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (3 * random.nextGaussian());
        }
        for (int r = 0; r < rows; r++) {
            u[r] = (float) random.nextDouble();
        }
        try (NDManager m = DjlRuntime.engine().newBaseManager(DjlRuntime.device("cpu"))) {
            NDArray x = m.create(logits, new Shape(rows, classes));
            float[] p = x.softmax(1).toFloatArray();
            long[] drawn =
                    Categorical.drawOnDevice(x, m.create(u, new Shape(rows, 1))).toLongArray();
            // Float sums in another order could split a u within rounding (1e-7) of a boundary; with
            // these 200 seeded rows none lies that close.
            for (int r = 0; r < rows; r++) {
                assertEquals(Categorical.draw(p, r, classes, u[r]), drawn[r], "row " + r);
            }
        }
    }
}
