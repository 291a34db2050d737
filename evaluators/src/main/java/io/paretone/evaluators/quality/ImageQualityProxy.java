package io.paretone.evaluators.quality;

import io.paretone.evaluators.data.image.ImageSplits;
import io.paretone.evaluators.data.image.LabelledImage;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.image.ImageFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The image quality proxy, built like the audio judge proxy: a classifier ({@link ImageJudge})
 * trained on the real training split, and two terms calibrated so that held-out real images
 * (the test split) score 1 and noise scores 0 ({@link QualityTerm}):
 *
 * <ul>
 *   <li>{@value #EMBEDDING}: the Fréchet distance between Gaussians fitted to the judge's embeddings
 *       of the judged images and of the validation split, an FID analogue (diagonal covariances,
 *       see {@link DiagonalGaussian});
 *   <li>{@value #CLASS}: how much more the judge agrees with itself on an image than across images
 *       ({@link AgreementGap}, as for audio): high for confident, varied classes.
 * </ul>
 * The score is the mean of the informative terms, and generated images closer to a training image
 * than any held-out real image is are counted as memorised ({@link Memorisation}, as for audio).
 * Noise is Gaussian pixel noise with the mean and standard deviation of the reference pixels,
 * clamped to [-1, 1].
 */
public final class ImageQualityProxy implements QualityProxy {
    static final String EMBEDDING = JudgeQualityProxy.EMBEDDING;
    static final String CLASS = JudgeQualityProxy.CLASS;
    /** Training steps of the judge a study uses, batches of 32 images: as many as the audio judge takes by default. */
    public static final int JUDGE_STEPS = 400;
    /** Training images the memorisation check compares with, at most (evenly spread over the split). */
    private static final int MAX_TRAINING_IMAGES = 4096;

    private final ImageJudge judge;
    private final ImageFormat format;
    private final int imageCount;
    private final DiagonalGaussian reference;
    private final double realEmbedding;
    private final double noiseEmbedding;
    private final double realClass;
    private final double noiseClass;
    private final Memorisation memorisation;

    private ImageQualityProxy(ImageJudge judge, ImageFormat format, int imageCount, DiagonalGaussian reference,
            List<float[]> training, List<float[]> real, List<float[]> noise) {
        this.judge = judge;
        this.format = format;
        this.imageCount = imageCount;
        this.reference = reference;
        ImageJudge.Judgement r = judge.judge(real);
        ImageJudge.Judgement n = judge.judge(noise);
        memorisation = new Memorisation(judge.judge(training).embeddings(), r.embeddings());
        realEmbedding = frechet(r);
        noiseEmbedding = frechet(n);
        realClass = AgreementGap.of(r.probabilities());
        noiseClass = AgreementGap.of(n.probabilities());
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
    public static ImageQualityProxy calibrate(ImageSplits data, int imageCount, int judgeSteps, long seed, Path cacheDir)
            throws IOException {
        checkCalibration(data, imageCount);
        return calibrate(ImageJudgeCache.loadOrTrain(cacheDir, data, judgeSteps, seed), data, imageCount, seed);
    }

    private static void checkCalibration(ImageSplits data, int imageCount) {
        Check.positive("quality images", imageCount);
        Check.that(!data.validation().isEmpty() && !data.test().isEmpty(), "data", data.datasetName(),
                "needs images in the validation and test splits");
    }

    private static ImageQualityProxy calibrate(ImageJudge judge, ImageSplits data, int imageCount, long seed) {
        List<float[]> validation = data.validation().stream().map(LabelledImage::values).toList();
        DiagonalGaussian reference = DiagonalGaussian.fit(judge.judge(validation).embeddings());
        List<float[]> real = new ArrayList<>();
        for (int i = 0; i < imageCount; i++) {
            real.add(data.test().get(i % data.test().size()).values());
        }
        List<float[]> training = new ArrayList<>();
        int trainingImages = Math.min(MAX_TRAINING_IMAGES, data.train().size());
        for (int i = 0; i < trainingImages; i++) {
            training.add(data.train().get((int) ((long) i * data.train().size() / trainingImages)).values());
        }
        ImageQualityProxy proxy = new ImageQualityProxy(judge, data.format(), imageCount, reference, training, real,
                noise(validation, imageCount, data.format(), seed));
        if (proxy.terms(proxy.judge.judge(real)).stream().noneMatch(QualityTerm::informative)) {
            judge.close();
            throw new IllegalStateException("cannot calibrate the image quality proxy: held-out real images and noise"
                    + " score alike; use more, and more varied, images");
        }
        return proxy;
    }

    /** Gaussian pixel noise at the reference's mean and spread, clamped to [-1, 1]. */
    static List<float[]> noise(List<float[]> reference, int count, ImageFormat format, long seed) {
        double sum = 0;
        double squares = 0;
        long n = 0;
        for (float[] image : reference) {
            for (float v : image) {
                sum += v;
                squares += (double) v * v;
                n++;
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(1e-12, squares / n - mean * mean));
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> noise = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] image = new float[format.values()];
            for (int p = 0; p < image.length; p++) {
                image[p] = (float) Math.max(-1, Math.min(1, mean + std * random.nextGaussian()));
            }
            noise.add(image);
        }
        return noise;
    }

    @Override
    public String name() {
        return "image-judge";
    }

    /** The judge's weights hash where it was saved, for provenance. */
    @Override
    public String description() {
        return judge.weightsSha256() == null ? name() : name() + " (weights sha256 " + judge.weightsSha256() + ")";
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
        ImageJudge.Judgement j = judge.judge(List.of(generated));
        return memorisation.score(terms(j), j.embeddings());
    }

    List<QualityTerm> terms(ImageJudge.Judgement j) {
        return List.of(QualityTerm.of(EMBEDDING, frechet(j), realEmbedding, noiseEmbedding),
                QualityTerm.of(CLASS, AgreementGap.of(j.probabilities()), realClass, noiseClass));
    }

    private double frechet(ImageJudge.Judgement j) {
        return DiagonalGaussian.fit(j.embeddings()).frechetDistance(reference);
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
