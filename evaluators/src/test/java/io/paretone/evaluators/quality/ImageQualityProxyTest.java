package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.data.image.ImageSplits;
import io.paretone.evaluators.data.image.LabelledImage;
import io.paretone.evaluators.data.image.RenderedDigitsDataset;
import io.paretone.evaluators.data.image.RenderedDigitsSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One judge for all tests: 300 training digits, 150 judge steps, 60 images judged. */
class ImageQualityProxyTest {
    private static final int IMAGES = 60;
    private static ImageSplits digits;
    private static ImageQualityProxy proxy;

    @BeforeAll
    static void calibrate() throws IOException {
        digits = new RenderedDigitsDataset(new RenderedDigitsSettings(8, 30, 8, 6)).load(Path.of("target", "proxy-digits"));
        proxy = ImageQualityProxy.calibrate(digits, IMAGES, 150, 8);
    }

    /** Real training images (neither the reference nor the calibration set), each changed by {@code change}. */
    private static float[][] realImages(UnaryOperator<float[]> change) {
        float[][] images = new float[IMAGES][];
        for (int i = 0; i < IMAGES; i++) {
            images[i] = change.apply(digits.train().get(i).values().clone());
        }
        return images;
    }

    @Test
    void otherRealImagesScoreNearOneAndFreshNoiseNearZero() {
        double real = proxy.score(realImages(UnaryOperator.identity())).percentMos();
        List<float[]> validation = digits.validation().stream().map(LabelledImage::values).toList();
        double noise = proxy.score(ImageQualityProxy.noise(validation, IMAGES, digits.format(), 99).toArray(new float[0][]))
                .percentMos();
        assertTrue(real > 0.8, "real training digits score " + real);
        assertTrue(noise < 0.1, "fresh noise scores " + noise);
    }

    @Test
    void moreGaussianNoiseNeverScoresHigher() {
        List<UnaryOperator<float[]>> noises = new java.util.ArrayList<>();
        for (double sigma : new double[] {0, 0.15, 0.4, 0.8, 1.5}) {
            SplittableRandom random = new SplittableRandom(4); // one stream over the images of a level
            noises.add(x -> {
                for (int p = 0; p < x.length; p++) {
                    x[p] = (float) Math.max(-1, Math.min(1, x[p] + sigma * random.nextGaussian()));
                }
                return x;
            });
        }
        assertScoresFall("Gaussian noise", noises, 0.25);
    }

    @Test
    void moreBlurNeverScoresHigher() {
        List<UnaryOperator<float[]>> blurs = new java.util.ArrayList<>();
        for (int radius : new int[] {0, 1, 2, 4}) {
            blurs.add(x -> boxBlur(x, 28, radius));
        }
        assertScoresFall("blur", blurs, 0.3);
    }

    /** Each stronger change scores no higher than the one before, and the strongest at least {@code drop} below none. */
    private static void assertScoresFall(String what, List<UnaryOperator<float[]>> stronger, double drop) {
        double previous = Double.POSITIVE_INFINITY;
        double first = Double.NaN;
        for (int i = 0; i < stronger.size(); i++) {
            double score = proxy.score(realImages(stronger.get(i))).percentMos();
            first = Double.isNaN(first) ? score : first;
            assertTrue(score <= previous + 1e-9, what + " step " + i + " scores " + score + " above " + previous);
            previous = score;
        }
        assertTrue(previous < first - drop, "the strongest " + what + " scores " + previous + ", none " + first);
    }

    @Test
    void aCachedJudgeCalibratesExactlyAsTheOneThatTrainedIt(@TempDir Path cache) throws IOException {
        ImageQualityProxy trained = ImageQualityProxy.calibrate(digits, IMAGES, 20, 8, cache);
        ImageQualityProxy loaded = ImageQualityProxy.calibrate(digits, IMAGES, 20, 8, cache);
        float[][] images = realImages(x -> boxBlur(x, 28, 1));
        assertEquals(trained.score(images).percentMos(), loaded.score(images).percentMos());
        assertEquals(trained.score(images).terms(), loaded.score(images).terms());
        assertTrue(loaded.description().contains("weights sha256"), loaded.description());
    }

    /** A 28-wide box blur checked by hand on a single bright pixel: radius 1 spreads it over 3 x 3. */
    @Test
    void boxBlurSpreadsAPixelOverItsSquare() {
        float[] x = new float[28 * 28];
        x[5 * 28 + 5] = 9;
        float[] y = boxBlur(x, 28, 1);
        assertEquals(1f, y[4 * 28 + 4], 1e-6);
        assertEquals(1f, y[6 * 28 + 6], 1e-6);
        assertEquals(0f, y[7 * 28 + 7], 1e-6);
    }

    /** Mean over the (2r + 1)^2 square around each pixel, the square cut at the edges. */
    static float[] boxBlur(float[] x, int side, int radius) {
        float[] out = new float[x.length];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double sum = 0;
                int n = 0;
                for (int dr = -radius; dr <= radius; dr++) {
                    for (int dc = -radius; dc <= radius; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        if (rr >= 0 && rr < side && cc >= 0 && cc < side) {
                            sum += x[rr * side + cc];
                            n++;
                        }
                    }
                }
                out[r * side + c] = (float) (sum / n);
            }
        }
        return out;
    }
}
