package io.paretone.evaluators.quality;

import io.paretone.evaluators.data.AudioClip;
import io.paretone.evaluators.data.AudioSplits;
import io.paretone.spaces.check.Check;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The calibrated %MOS proxy: three terms measured against held-out real audio, each scaled so that
 * held-out real audio scores 1 and white noise 0, averaged into Q. The objective is {@code 1 - Q}.
 *
 * <h2>Terms</h2>
 *
 * For N generated clips (N is the same for every candidate and every reference):
 *
 * <ol>
 *   <li>{@value #EMBEDDING}: the Fréchet distance between diagonal Gaussians fitted to the judge's
 *       embeddings of the generated clips and of the reference, every window of the validation
 *       split ({@link DiagonalGaussian}). It asks whether the clips sound like the data, in the
 *       judge's terms, and whether they vary as much.
 *   <li>{@value #CLASS}: how recognisable and varied the clips are to the judge. Unconditional:
 *       per label facet, the {@link AgreementGap}, an inception-score-style measure, averaged over
 *       facets. Conditional ({@link #scoreConditional}): the share of facet predictions that match
 *       the labels asked for.
 *   <li>{@value #SIGNAL}: the {@link LogMelStatistics} distance to the reference, on plain log-mel
 *       frames, so hiss, muffling and clicks count even when the judge is fooled.
 * </ol>
 *
 * <h2>Calibration</h2>
 *
 * At calibration the same terms are measured on N crops of the test split (held-out real audio
 * the judge never trained on, distinct from the reference) and on N clips of white Gaussian noise
 * at the reference's RMS. Each term maps linearly from noise (0) to real (1) and is clamped to
 * [0, 1] ({@link QualityTerm}); Q is the mean of the informative terms. A term is informative
 * when real and noise differ (with two clips of one class, for instance, the class score cannot
 * tell them apart); if no term is, calibration fails.
 *
 * <h2>Memorisation</h2>
 *
 * Every window of the training split is embedded once. A generated clip counts as memorised when
 * its nearest training window is closer (Euclidean, in the embedding) than the nearest training
 * window of any of the N held-out real clips ({@link Memorisation}, shared with the image proxy).
 *
 * <p>Candidates' clips are sanitised as a PCM writer would (NaN to 0, clamped to [-1, 1]), so every
 * score is finite.
 */
public final class JudgeQualityProxy implements QualityProxy {
    public static final String EMBEDDING = "embedding_frechet";
    public static final String CLASS = "class_score";
    public static final String SIGNAL = "logmel_distance";
    private static final int MAX_TRAINING_WINDOWS = 4096;

    private final Judge judge;
    private final LogMelSpectrogram signalFeatures;
    private final int clipCount;
    private final int clipSamples;
    private final DiagonalGaussian referenceEmbedding;
    private final LogMelStatistics referenceSignal;
    private final Memorisation memorisation;
    private final Reference real;
    private final Reference noise;
    private final List<Map<String, String>> realLabels;
    private final double realAccuracy;
    private final double noiseAccuracy;

    /** The three raw terms of one set of clips. */
    private record Reference(double embedding, double classScore, double signal) {}

    private JudgeQualityProxy(Judge judge, int clipCount, int clipSamples, List<float[]> reference,
            List<float[]> training, List<float[]> realClips, List<Map<String, String>> realLabels, List<float[]> noiseClips) {
        this.judge = judge;
        this.signalFeatures = LogMelSpectrogram.forSampleRate(judge.features().sampleRate());
        this.clipCount = clipCount;
        this.clipSamples = clipSamples;
        this.referenceEmbedding = DiagonalGaussian.fit(judge.judge(reference).embeddings());
        this.referenceSignal = LogMelStatistics.of(signalFeatures, reference);
        Judge.Judgement realJudgement = judge.judge(realClips);
        this.memorisation = new Memorisation(judge.judge(training).embeddings(), realJudgement.embeddings());
        Judge.Judgement noiseJudgement = judge.judge(noiseClips);
        this.real = measure(realClips, realJudgement);
        this.noise = measure(noiseClips, noiseJudgement);
        this.realLabels = List.copyOf(realLabels);
        this.realAccuracy = accuracy(realJudgement, realLabels);
        this.noiseAccuracy = accuracy(noiseJudgement, realLabels);
    }

    /**
     * Trains or loads the dataset's judge (see {@link JudgeCache}) and calibrates on its splits:
     * {@code validation} is the reference, {@code test} the held-out real audio that scores 1,
     * {@code train} what memorisation is checked against.
     *
     * @param seed seeds the white noise that scores 0
     * @throws IOException if the judge's cache cannot be read or written
     * @throws IllegalStateException if no term tells held-out real audio from noise
     */
    public static JudgeQualityProxy calibrate(AudioSplits data, int clipCount, int clipSamples, long seed,
            Path cacheDir, JudgeSettings settings) throws IOException {
        Check.notNull("data", data);
        Check.positive("clipCount", clipCount);
        Check.that(!data.validation().isEmpty() && !data.test().isEmpty() && !data.train().isEmpty(), "data",
                data.datasetName(), "needs clips in all three splits");
        checkClipLength(clipSamples, LogMelSpectrogram.forSampleRate(data.sampleRate(), settings.melBands()).nFft(),
                data.sampleRate());
        Judge judge = JudgeCache.loadOrTrain(cacheDir, data, clipSamples, settings);
        return calibrate(judge, data, clipCount, clipSamples, seed);
    }

    /** Calibrates with a judge already at hand; see {@link #calibrate(AudioSplits, int, int, long, Path, JudgeSettings)}. */
    public static JudgeQualityProxy calibrate(Judge judge, AudioSplits data, int clipCount, int clipSamples, long seed) {
        checkClipLength(clipSamples, judge.features().nFft(), data.sampleRate());
        List<float[]> validation = ClipSets.samplesOf(data.validation());
        List<float[]> reference = ClipSets.allCrops(validation, clipSamples);
        if (reference.size() < clipCount) {
            reference = ClipSets.crops(validation, clipCount, clipSamples);
        }
        List<float[]> training = ClipSets.allCrops(ClipSets.samplesOf(data.train()), clipSamples);
        if (training.size() > MAX_TRAINING_WINDOWS) {
            List<float[]> every = new ArrayList<>(MAX_TRAINING_WINDOWS);
            for (int i = 0; i < MAX_TRAINING_WINDOWS; i++) {
                every.add(training.get((int) ((long) i * training.size() / MAX_TRAINING_WINDOWS)));
            }
            training = every;
        }
        List<float[]> realClips = ClipSets.crops(ClipSets.samplesOf(data.test()), clipCount, clipSamples);
        List<Map<String, String>> realLabels = new ArrayList<>(clipCount);
        for (int i = 0; i < clipCount; i++) {
            realLabels.add(data.test().get(i % data.test().size()).labels());
        }
        List<float[]> noiseClips = ClipSets.whiteNoise(clipCount, clipSamples, ClipSets.rms(reference), seed);
        JudgeQualityProxy proxy = new JudgeQualityProxy(judge, clipCount, clipSamples, reference, training, realClips,
                realLabels, noiseClips);
        QualityScore check = proxy.score(noiseClips.toArray(new float[0][]));
        if (check.terms().stream().noneMatch(QualityTerm::informative)) {
            throw new IllegalStateException("cannot calibrate the quality proxy: no term tells held-out real audio "
                    + "from white noise (" + check.terms() + "); the data is too uniform or silent. Use more, "
                    + "and more varied, clips of real audio.");
        }
        return proxy;
    }

    /** A judged clip must hold at least one analysis window. */
    private static void checkClipLength(int clipSamples, int nFft, int sampleRate) {
        Check.that(clipSamples >= nFft, "quality.clip_seconds", (double) clipSamples / sampleRate, "gives "
                + clipSamples + " samples; the judge needs at least " + nFft + " (" + (double) nFft / sampleRate
                + " s); judge longer clips");
    }

    @Override
    public String name() {
        return "judge";
    }

    /** The judge's weights hash and validation accuracy, for provenance. */
    @Override
    public String description() {
        return "judge (weights sha256 " + judge.weightsSha256() + ", facets " + judge.vocabulary().facets()
                + ", validation accuracy " + judge.validationAccuracy() + ") + log-mel statistics";
    }

    /**
     * Scores an unconditional model's clips.
     *
     * @throws IllegalArgumentException if there are not exactly {@link #clipCount()} clips of
     *     exactly {@link #clipSamples()} samples each
     */
    @Override
    public QualityScore score(float[][] generated) {
        List<float[]> clips = ClipSets.checkedCopies(generated, clipCount, clipSamples);
        Judge.Judgement j = judge.judge(clips);
        return scoreOf(clips, j, classScoreOf(j), false);
    }

    /**
     * Scores a conditional model's clips: clip {@code i} was asked to carry {@code requested[i]}.
     * The class term is then label accuracy, calibrated by the judge's accuracy on held-out real
     * clips (1) and on noise (0) against {@link #realLabels()}.
     */
    @Override
    public QualityScore scoreConditional(float[][] generated, List<Map<String, String>> requested) {
        List<float[]> clips = ClipSets.checkedCopies(generated, clipCount, clipSamples);
        Check.that(requested != null && requested.size() == clipCount, "requested labels",
                requested == null ? null : requested.size(), "give one label set per clip (" + clipCount + ")");
        Judge.Judgement j = judge.judge(clips);
        return scoreOf(clips, j, accuracy(j, requested), true);
    }

    /** The labels a conditional model is asked for: those of the held-out real clips, in order. */
    public List<Map<String, String>> realLabels() {
        return realLabels;
    }

    private QualityScore scoreOf(List<float[]> clips, Judge.Judgement j, double classScore, boolean conditional) {
        double embedding = DiagonalGaussian.fit(j.embeddings()).frechetDistance(referenceEmbedding);
        double signal = LogMelStatistics.of(signalFeatures, clips).distance(referenceSignal);
        List<QualityTerm> terms = List.of(
                QualityTerm.of(EMBEDDING, embedding, real.embedding(), noise.embedding()),
                conditional ? QualityTerm.of(CLASS, classScore, realAccuracy, noiseAccuracy)
                        : QualityTerm.of(CLASS, classScore, real.classScore(), noise.classScore()),
                QualityTerm.of(SIGNAL, signal, real.signal(), noise.signal()));
        return memorisation.score(terms, j.embeddings());
    }

    private Reference measure(List<float[]> clips, Judge.Judgement j) {
        return new Reference(DiagonalGaussian.fit(j.embeddings()).frechetDistance(referenceEmbedding),
                classScoreOf(j), LogMelStatistics.of(signalFeatures, clips).distance(referenceSignal));
    }

    /** The {@link AgreementGap} of each facet, averaged over facets; NaN without facets. */
    static double classScoreOf(Judge.Judgement j) {
        if (j.probabilities().isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double[][] p : j.probabilities()) {
            sum += AgreementGap.of(p);
        }
        return sum / j.probabilities().size();
    }

    /** Share of (clip, facet) pairs where the judge's most likely class is the label given; NaN without facets. */
    private double accuracy(Judge.Judgement j, List<Map<String, String>> labels) {
        LabelVocabulary vocabulary = judge.vocabulary();
        if (vocabulary.facets().isEmpty()) {
            return Double.NaN;
        }
        int right = 0;
        int total = 0;
        for (int c = 0; c < labels.size(); c++) {
            int[] wanted = vocabulary.indices(new AudioClip(new float[0], labels.get(c)));
            for (int f = 0; f < wanted.length; f++) {
                right += JudgeTrainer.argmax(j.probabilities().get(f)[c]) == wanted[f] ? 1 : 0;
                total++;
            }
        }
        return (double) right / total;
    }

    @Override
    public int clipCount() {
        return clipCount;
    }

    @Override
    public int clipSamples() {
        return clipSamples;
    }

    public Judge judge() {
        return judge;
    }
}
