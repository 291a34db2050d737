package io.paretone.evaluators.quality;

import io.paretone.evaluators.data.image.ImageSplits;
import io.paretone.evaluators.data.image.LabelledImage;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.image.ImageFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The image quality proxy, built like the audio judge proxy: a classifier ({@link ImageJudge})
 * trained on the real training split, and five terms calibrated so that held-out real images
 * (the test split) score 1 and noise scores 0 ({@link QualityTerm}):
 *
 * <ul>
 *   <li>{@value #EMBEDDING}: the Fréchet distance between Gaussians fitted to the judge's embeddings
 *       of the judged images and of the validation split, an FID analogue (diagonal covariances,
 *       see {@link DiagonalGaussian});
 *   <li>{@value #CLASS}: how much more the judge agrees with itself on an image than across images
 *       ({@link AgreementGap}, as for audio): high for confident, varied classes, 0 for one class
 *       throughout;
 *   <li>{@value #TYPICALITY}: how far each image's embedding lies from the real images of the class
 *       the judge gives it, the median over the images ({@link ClassTypicality}): strokes that form
 *       no digit, which the judge still classifies with confidence, lie far from every class;
 *   <li>{@value #FIRST_LAYER}: the Fréchet distance between diagonal Gaussians fitted to the judge's
 *       first convolution's activations (16 channels at 14 x 14 positions), the image analogue of
 *       the audio judge's log-mel term: local edges and pieces of stroke, where they are, below the
 *       level of digits, so grain, blur, blobs and gratings count even where the embedding is fooled;
 *   <li>{@value #BALANCE}: how far the judge's mean class distribution over the images lies from its
 *       mean over the reference ({@link ClassBalance}): one class for every image fails it.
 * </ul>
 * The terms combine by their geometric mean with one failure capped
 * ({@link TermMean#GEOMETRIC_ONE_FAILURE_CAPPED}): each is a condition real digits meet, and images
 * that fail one are not bought back by the others (they score at most
 * {@value TermMean#ONE_FAILURE_CEILING}, the ceiling of a structured failure), while images that
 * fail two or more score 0 (blobs, stripes and a set of one digit always did on the ladder
 * benchmark, strokes in 64 of 66 ladders). Under the plain geometric mean, digits blurred with a
 * 5 x 5 box scored 0 with the structured failures in 9 of 60 benchmark ladders, in 7 of them from
 * one term alone (the first layer, whose edges blur removes, or class typicality) at or beyond the
 * noise anchor's value.
 * The real anchor is the mean over up to {@value #MAX_REAL_SUBSETS} disjoint subsets of the test
 * split, each with the split's class mix ({@link #realSubsets}), their spread stored ({@link TermAnchors}). The noise anchor is per-pixel
 * Gaussian noise with each pixel's mean and standard deviation over the reference, clamped to
 * [-1, 1]: a cloud shaped like the average digit, harder than uniform pixel noise. The score
 * combines the informative terms as above; generated images closer to a training image than half the
 * closest held-out real image is are memorised and scored as noise ({@link Memorisation}, as for audio).
 */
public final class ImageQualityProxy implements QualityProxy {
    static final String EMBEDDING = JudgeQualityProxy.EMBEDDING;
    static final String CLASS = JudgeQualityProxy.CLASS;
    static final String TYPICALITY = "class_typicality";
    static final String FIRST_LAYER = "first_layer_frechet";
    static final String BALANCE = "class_balance";
    private static final List<String> TERMS = List.of(EMBEDDING, CLASS, TYPICALITY, FIRST_LAYER, BALANCE);
    /**
     * Disjoint real subsets the real anchor averages, at most: more than the audio proxy's
     * {@value JudgeQualityProxy#MAX_REAL_SUBSETS}, since held-out images are cheap and a spread from
     * a few subsets is itself noisy (a study judging 32 images with 200 held-out gets 6).
     */
    static final int MAX_REAL_SUBSETS = 8;
    /** Training steps of the judge a study uses, batches of 32 images: as many as the audio judge takes by default. */
    public static final int JUDGE_STEPS = 400;
    /** Training images the memorisation check compares with, at most (evenly spread over the split). */
    private static final int MAX_TRAINING_IMAGES = 4096;

    private final ImageJudge judge;
    private final ImageFormat format;
    private final int imageCount;
    private final DiagonalGaussian reference;
    private final ClassTypicality typicality;
    private final DiagonalGaussian referenceFirstLayer;
    private final ClassBalance balance;
    private final Memorisation memorisation;
    private final TermAnchors anchors;

    private ImageQualityProxy(
            ImageJudge judge,
            ImageFormat format,
            int imageCount,
            List<float[]> validation,
            List<float[]> training,
            List<float[]> heldOut,
            List<List<float[]>> realSubsets,
            List<float[]> noise) {
        this.judge = judge;
        this.format = format;
        this.imageCount = imageCount;
        ImageJudge.Judgement referenceJudgement = judge.judge(validation);
        this.reference = DiagonalGaussian.fit(referenceJudgement.embeddings());
        this.typicality = new ClassTypicality(referenceJudgement.embeddings(), referenceJudgement.probabilities());
        this.referenceFirstLayer = judge.firstLayerStatistics(validation);
        this.balance = new ClassBalance(referenceJudgement.probabilities());
        memorisation = new Memorisation(
                judge.judge(training).embeddings(), judge.judge(heldOut).embeddings());
        List<double[]> real = new ArrayList<>();
        for (List<float[]> subset : realSubsets) {
            real.add(measure(subset, judge.judge(subset)));
        }
        anchors =
                TermAnchors.of(TERMS, real, measure(noise, judge.judge(noise)), TermMean.GEOMETRIC_ONE_FAILURE_CAPPED);
    }

    /**
     * Trains the judge on {@code data.train()} and calibrates on the other splits.
     *
     * @param imageCount images judged per candidate, and per calibration set
     * @param judgeSteps the judge's training steps
     * @param seed seeds the judge and the noise
     * @throws IllegalStateException if noise and held-out real images score alike on every term
     */
    public static ImageQualityProxy calibrate(ImageSplits data, int imageCount, int judgeSteps, long seed) {
        checkCalibration(data, imageCount);
        return calibrate(ImageJudge.train(data, judgeSteps, seed), data, imageCount, seed);
    }

    /**
     * As {@link #calibrate(ImageSplits, int, int, long)}, with the judge trained once and cached in
     * {@code cacheDir} ({@link ImageJudgeCache}), so every worker of a study judges with the same weights.
     *
     * @throws IOException if the cache cannot be read or written
     */
    public static ImageQualityProxy calibrate(
            ImageSplits data, int imageCount, int judgeSteps, long seed, Path cacheDir) throws IOException {
        checkCalibration(data, imageCount);
        return calibrate(ImageJudgeCache.loadOrTrain(cacheDir, data, judgeSteps, seed), data, imageCount, seed);
    }

    private static void checkCalibration(ImageSplits data, int imageCount) {
        Check.positive("quality images", imageCount);
        Check.that(
                !data.validation().isEmpty() && !data.test().isEmpty(),
                "data",
                data.datasetName(),
                "needs images in the validation and test splits");
    }

    private static ImageQualityProxy calibrate(ImageJudge judge, ImageSplits data, int imageCount, long seed) {
        List<float[]> validation =
                data.validation().stream().map(LabelledImage::values).toList();
        List<float[]> test = data.test().stream().map(LabelledImage::values).toList();
        List<List<float[]>> subsets = realSubsets(data.test(), imageCount, MAX_REAL_SUBSETS);
        List<float[]> training = Memorisation.spread(data.train(), MAX_TRAINING_IMAGES).stream()
                .map(LabelledImage::values)
                .toList();
        ImageQualityProxy proxy = new ImageQualityProxy(
                judge,
                data.format(),
                imageCount,
                validation,
                training,
                test,
                subsets,
                noise(validation, imageCount, data.format(), seed));
        if (proxy.anchors.terms(proxy.anchors.real()).stream().noneMatch(QualityTerm::informative)) {
            judge.close();
            throw new IllegalStateException("cannot calibrate the image quality proxy: held-out real images and noise"
                    + " score alike (" + proxy.anchors.summary() + "); use more, and more varied, images");
        }
        return proxy;
    }

    /**
     * The held-out real images dealt into up to {@code most} disjoint subsets of {@code imageCount}
     * (one that reuses images when there are too few), each holding the classes in the split's
     * proportions, as a generator's set of images would: the images are taken class by class in
     * turn (the first of every class, then the second, ...) and the sequence cut into consecutive
     * blocks. Dealing every k-th image of a split whose classes are interleaved instead gave each
     * subset a few classes only (k = 2 of 10: the even or the odd digits), so the real anchor lay far
     * from the reference and its subsets far from each other.
     */
    static List<List<float[]>> realSubsets(List<LabelledImage> images, int imageCount, int most) {
        Map<String, List<float[]>> byClass = new TreeMap<>();
        images.forEach(
                i -> byClass.computeIfAbsent(i.label(), l -> new ArrayList<>()).add(i.values()));
        List<float[]> turns = new ArrayList<>(images.size());
        for (int round = 0; turns.size() < images.size(); round++) {
            for (List<float[]> ofClass : byClass.values()) {
                if (round < ofClass.size()) {
                    turns.add(ofClass.get(round));
                }
            }
        }
        int k = Math.min(most, turns.size() / imageCount);
        List<List<float[]>> subsets = new ArrayList<>();
        for (int s = 0; s < Math.max(1, k); s++) {
            List<float[]> subset = new ArrayList<>(imageCount);
            for (int i = 0; i < imageCount; i++) {
                subset.add(turns.get((s * imageCount + i) % turns.size()));
            }
            subsets.add(subset);
        }
        return subsets;
    }

    /** Per-pixel Gaussian noise at each pixel's mean and spread over the reference, clamped to [-1, 1]. */
    static List<float[]> noise(List<float[]> reference, int count, ImageFormat format, long seed) {
        int values = format.values();
        double[] mean = new double[values];
        double[] squares = new double[values];
        for (float[] image : reference) {
            for (int p = 0; p < values; p++) {
                mean[p] += image[p] / (double) reference.size();
                squares[p] += (double) image[p] * image[p] / reference.size();
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> noise = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] image = new float[values];
            for (int p = 0; p < values; p++) {
                double std = Math.sqrt(Math.max(0, squares[p] - mean[p] * mean[p]));
                image[p] = (float) Math.max(-1, Math.min(1, mean[p] + std * random.nextGaussian()));
            }
            noise.add(image);
        }
        return noise;
    }

    @Override
    public String name() {
        return "image-judge";
    }

    /** The judge's weights hash where it was saved, the real anchor's spread and any term dropped, for provenance. */
    @Override
    public String description() {
        return (judge.weightsSha256() == null ? name() : name() + " (weights sha256 " + judge.weightsSha256() + ")")
                + "; " + anchors.summary();
    }

    /**
     * @param generated {@link #clipCount()} images of {@link ImageFormat#values()} values each
     */
    @Override
    public QualityScore score(float[][] generated) {
        Check.that(generated.length == imageCount, "images", generated.length, "give " + imageCount + " images");
        for (float[] image : generated) {
            Check.that(image.length == format.values(), "image values", image.length, "must be " + format.values());
        }
        List<float[]> images = List.of(generated);
        ImageJudge.Judgement j = judge.judge(images);
        return memorisation.score(anchors.terms(measure(images, j)), anchors, j.embeddings());
    }

    /** The raw value of every term of {@link #TERMS} for images and the judge's judgement of them. */
    private double[] measure(List<float[]> images, ImageJudge.Judgement j) {
        return new double[] {
            DiagonalGaussian.fit(j.embeddings()).frechetDistance(reference),
            AgreementGap.of(j.probabilities()),
            typicality.of(j.embeddings(), j.probabilities()),
            judge.firstLayerStatistics(images).frechetDistance(referenceFirstLayer),
            balance.of(j.probabilities())
        };
    }

    @Override
    public int clipCount() {
        return imageCount;
    }

    /** One image's values. */
    @Override
    public int clipSamples() {
        return format.values();
    }
}
