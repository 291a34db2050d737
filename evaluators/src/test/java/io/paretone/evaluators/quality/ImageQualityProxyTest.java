package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.data.image.ImageSplits;
import io.paretone.evaluators.data.image.LabelledImage;
import io.paretone.evaluators.data.image.RenderedDigitsDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One judge for all tests, trained as a study trains it (2000 training digits, {@link ImageQualityProxy#JUDGE_STEPS}
 * steps; {@link Ladders#imageData}), 60 images judged. Real images that
 * must score near 1 are rendered independently (other seeds), never the calibration's.
 */
class ImageQualityProxyTest {
    private static final int IMAGES = 60;
    private static ImageSplits digits;
    private static ImageQualityProxy proxy;

    @BeforeAll
    static void calibrate() throws IOException {
        digits = new RenderedDigitsDataset(Ladders.imageData(8)).load(Path.of("target", "proxy-digits"));
        proxy = ImageQualityProxy.calibrate(digits, IMAGES, ImageQualityProxy.JUDGE_STEPS, 8);
    }

    /** Digits rendered with another seed, 6 per class: real images the proxy never saw, as 60 examples. */
    private static List<float[]> independent(long seed) throws IOException {
        return Ladders.independentDigits(IMAGES, seed, Path.of("target"));
    }

    /** Independent real images, each changed by {@code change}. */
    private static float[][] realImages(UnaryOperator<float[]> change) throws IOException {
        List<float[]> real = independent(101);
        float[][] images = new float[IMAGES][];
        for (int i = 0; i < IMAGES; i++) {
            images[i] = change.apply(real.get(i).clone());
        }
        return images;
    }

    /**
     * Real digits the proxy never saw land within the band it states, {@code 1 +- s} (two real spreads
     * below 1 at worst: the real anchor is the mean of real subsets, so an independent real set lies
     * as often below it as above), and score at least 0.95 on average over three seeds.
     */
    @Test
    void independentRealImagesScoreWithinTheStatedSpreadAndAtLeastPointNineFiveOnAverageAndFreshNoiseNearZero()
            throws IOException {
        double sum = 0;
        for (long seed = 101; seed <= 103; seed++) {
            QualityScore real = proxy.score(independent(seed).toArray(new float[0][]));
            System.out.printf(
                    "image real vs real, seed %d: %.3f (raw %.3f, real = 1 +- %.3f)%n",
                    seed, real.percentMos(), real.rawPercentMos(), real.realSpread());
            assertTrue(real.realSpread() <= 0.05, "the stated real spread is too wide to rank with: " + real);
            assertTrue(
                    ProxyChecks.indistinguishable(real.percentMos(), 1, real.realSpread()),
                    "independent real digits below 1 - 2 s: " + real);
            sum += real.percentMos();
        }
        assertTrue(sum / 3 >= 0.95, "independent real digits average " + sum / 3);
        List<float[]> validation =
                digits.validation().stream().map(LabelledImage::values).toList();
        double noise = proxy.score(
                        ImageFailures.pixelNoise(validation, IMAGES, 99).toArray(new float[0][]))
                .percentMos();
        assertTrue(noise < 0.05, "fresh noise scores " + noise);
    }

    /** The image ladder of {@link Ladders#image}, built by rules, for three seeds. */
    @Test
    void theImageLadderHolds() throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            System.out.println("image ladder, seed " + seed);
            Ladders.image(digits, IMAGES, seed, Path.of("target")).assertOrdered(r -> proxy.score(r.examples()));
        }
    }

    @Test
    void copiedTrainingImagesAreMemorisedAndScoreZeroAndHeldOutOnesAreNot() {
        float[][] copies = digits.train().stream()
                .limit(IMAGES)
                .map(i -> i.values().clone())
                .toArray(float[][]::new);
        QualityScore copied = proxy.score(copies);
        assertEquals(IMAGES, copied.memorisedClips(), copied.toString());
        assertEquals(0, copied.percentMos(), 1e-12, copied.toString());
        float[][] heldOut = digits.validation().stream()
                .limit(IMAGES)
                .map(i -> i.values().clone())
                .toArray(float[][]::new);
        assertEquals(0, proxy.score(heldOut).memorisedClips());
    }

    @Test
    void moreGaussianNoiseNeverScoresHigher() throws IOException {
        List<UnaryOperator<float[]>> noises = new java.util.ArrayList<>();
        for (double sigma : new double[] {0, 0.15, 0.4, 0.8, 1.5}) {
            noises.add(ImageFailures.gaussianNoise(sigma, 4)); // one stream over the images of a level
        }
        assertScoresFall("Gaussian noise", noises, 0.25);
    }

    @Test
    void moreBlurNeverScoresHigher() throws IOException {
        List<UnaryOperator<float[]>> blurs = new java.util.ArrayList<>();
        for (int radius : new int[] {0, 1, 2, 4}) {
            blurs.add(x -> ImageFailures.boxBlur(x, 28, radius));
        }
        assertScoresFall("blur", blurs, 0.3);
    }

    /**
     * Each stronger change scores no higher than the one before, except between two sets the proxy
     * cannot tell from real ({@link ProxyChecks#indistinguishable}), and the strongest at least
     * {@code drop} below none.
     */
    private static void assertScoresFall(String what, List<UnaryOperator<float[]>> stronger, double drop)
            throws IOException {
        double previous = Double.POSITIVE_INFINITY;
        double first = Double.NaN;
        for (int i = 0; i < stronger.size(); i++) {
            QualityScore scored = proxy.score(realImages(stronger.get(i)));
            double score = scored.percentMos();
            first = Double.isNaN(first) ? score : first;
            assertTrue(
                    score <= previous + 1e-9 || ProxyChecks.indistinguishable(previous, score, scored.realSpread()),
                    what + " step " + i + " scores " + score + " above " + previous);
            previous = score;
        }
        assertTrue(previous < first - drop, "the strongest " + what + " scores " + previous + ", none " + first);
    }

    @Test
    void aCachedJudgeCalibratesExactlyAsTheOneThatTrainedIt(@TempDir Path cache) throws IOException {
        ImageQualityProxy trained = ImageQualityProxy.calibrate(digits, IMAGES, 20, 8, cache);
        ImageQualityProxy loaded = ImageQualityProxy.calibrate(digits, IMAGES, 20, 8, cache);
        float[][] images = realImages(x -> ImageFailures.boxBlur(x, 28, 1));
        assertEquals(trained.score(images).percentMos(), loaded.score(images).percentMos());
        assertEquals(trained.score(images).terms(), loaded.score(images).terms());
        assertTrue(loaded.description().contains("weights sha256"), loaded.description());
    }

    /**
     * Twelve images of classes a-d interleaved (a, b, c, d, a, ...), as the rendered digits' splits
     * are: three subsets of four, each one image of every class; dealing every third image would
     * have given subsets of a, d, c, b, ... in other mixes.
     */
    @Test
    void realSubsetsAreDisjointAndEachHoldsEveryClassAlike() {
        List<LabelledImage> images = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            images.add(new LabelledImage(new float[] {i}, String.valueOf((char) ('a' + i % 4))));
        }
        List<List<float[]>> subsets = ImageQualityProxy.realSubsets(images, 4, 8);
        assertEquals(3, subsets.size());
        java.util.Set<Float> seen = new java.util.HashSet<>();
        for (List<float[]> subset : subsets) {
            // Image i has class i mod 4: a subset holding one of each class has residues 0, 1, 2, 3.
            assertEquals(
                    java.util.Set.of(0, 1, 2, 3),
                    subset.stream().map(x -> (int) x[0] % 4).collect(java.util.stream.Collectors.toSet()));
            subset.forEach(x -> seen.add(x[0]));
        }
        assertEquals(12, seen.size(), "disjoint subsets cover 12 distinct images");
        assertEquals(2, ImageQualityProxy.realSubsets(images, 4, 2).size(), "at most the given number of subsets");
    }

    /** A 28-wide box blur checked by hand on a single bright pixel: radius 1 spreads it over 3 x 3. */
    @Test
    void boxBlurSpreadsAPixelOverItsSquare() {
        float[] x = new float[28 * 28];
        x[5 * 28 + 5] = 9;
        float[] y = ImageFailures.boxBlur(x, 28, 1);
        assertEquals(1f, y[4 * 28 + 4], 1e-6);
        assertEquals(1f, y[6 * 28 + 6], 1e-6);
        assertEquals(0f, y[7 * 28 + 7], 1e-6);
    }
}
