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
 * held-out real audio scores 1 and noise with the data's spectrum 0, combined into Q by their
 * geometric mean ({@link TermMean#GEOMETRIC}): each is a condition real audio meets, and a set that
 * fails one (a steady tone's log-mel statistics, noise that the judge cannot classify) is not bought
 * back by the others. The
 * objective is {@code 1 - Q}.
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
 *       the labels asked for. Dropped when the judge could not be trained (no labels).
 *   <li>{@value #SIGNAL}: the {@link LogMelStatistics} distance to the reference, on plain log-mel
 *       frames, so hiss, muffling and clicks count even when the judge is fooled.
 * </ol>
 *
 * <h2>Calibration</h2>
 *
 * The held-out real audio is the test split (which the judge never trained on, distinct from the
 * reference), cut into non-overlapping windows (half-overlapping when there are fewer than 2N) and
 * dealt into up to {@value #MAX_REAL_SUBSETS} disjoint subsets of N. Each term's real anchor (1) is
 * its mean over the subsets, and the spread of Q over the subsets is stored ("real = 1 +- s",
 * {@link QualityScore#realSpread}). The noise anchor (0) is N clips of noise with the reference's
 * average power spectrum and RMS ({@link ClipSets#spectrumNoise}): harder than white noise, so a
 * clip with the data's timbre and no structure scores 0 and white noise below it. A term whose
 * real-noise gap is within twice the real spread is dropped ({@link QualityTerm}); if every term
 * is, calibration fails. Q is the geometric mean of the informative terms bounded to [0, 1]
 * ({@link QualityScore#percentMos}); the unbounded mean is stored too ({@link QualityScore#rawPercentMos}).
 *
 * <h2>Memorisation</h2>
 *
 * Every window of the training split is embedded once. A generated clip counts as memorised when
 * its nearest training window is closer (Euclidean, in the embedding) than half that of the closest
 * held-out real window of the test split, at every half-window offset ({@link Memorisation}), and it
 * is scored as noise ({@link QualityScore}).
 *
 * <p>Candidates' clips are sanitised as a PCM writer would (NaN to 0, clamped to [-1, 1]), so every
 * score is finite.
 */
public final class JudgeQualityProxy implements QualityProxy {
    public static final String EMBEDDING = "embedding_frechet";
    public static final String CLASS = "class_score";
    public static final String SIGNAL = "logmel_distance";
    static final List<String> TERMS = List.of(EMBEDDING, CLASS, SIGNAL);
    static final int MAX_REAL_SUBSETS = 4;
    private static final int MAX_TRAINING_WINDOWS = 4096;

    private final Judge judge;
    private final LogMelSpectrogram signalFeatures;
    private final int clipCount;
    private final int clipSamples;
    private final DiagonalGaussian referenceEmbedding;
    private final LogMelStatistics referenceSignal;
    private final Memorisation memorisation;
    private final TermAnchors unconditional;
    private final TermAnchors conditional;
    private final List<Map<String, String>> realLabels;

    private JudgeQualityProxy(
            Judge judge,
            int clipCount,
            int clipSamples,
            List<float[]> reference,
            List<float[]> training,
            List<float[]> heldOutWindows,
            List<List<float[]>> realSubsets,
            List<List<Map<String, String>>> subsetLabels,
            List<float[]> noiseClips) {
        this.judge = judge;
        this.signalFeatures = LogMelSpectrogram.forSampleRate(judge.features().sampleRate());
        this.clipCount = clipCount;
        this.clipSamples = clipSamples;
        double[][] referenceEmbeddings = judge.judge(reference).embeddings();
        this.referenceEmbedding = DiagonalGaussian.fit(referenceEmbeddings);
        this.referenceSignal = LogMelStatistics.of(signalFeatures, reference);
        this.memorisation = new Memorisation(
                judge.judge(training).embeddings(), judge.judge(heldOutWindows).embeddings());
        this.realLabels = List.copyOf(subsetLabels.get(0));
        List<double[]> real = new ArrayList<>();
        List<double[]> realConditional = new ArrayList<>();
        for (int s = 0; s < realSubsets.size(); s++) {
            Judge.Judgement j = judge.judge(realSubsets.get(s));
            real.add(measure(realSubsets.get(s), j, classScoreOf(j)));
            realConditional.add(measure(realSubsets.get(s), j, accuracy(j, subsetLabels.get(s))));
        }
        Judge.Judgement n = judge.judge(noiseClips);
        this.unconditional = TermAnchors.of(TERMS, real, measure(noiseClips, n, classScoreOf(n)), TermMean.GEOMETRIC);
        this.conditional = TermAnchors.of(
                TERMS, realConditional, measure(noiseClips, n, accuracy(n, realLabels)), TermMean.GEOMETRIC);
    }

    /**
     * Trains or loads the dataset's judge (see {@link JudgeCache}) and calibrates on its splits:
     * {@code validation} is the reference, {@code test} the held-out real audio that scores 1,
     * {@code train} what memorisation is checked against.
     *
     * @param seed seeds the noise that scores 0
     * @throws IOException if the judge's cache cannot be read or written
     * @throws IllegalStateException if no term tells held-out real audio from noise
     */
    public static JudgeQualityProxy calibrate(
            AudioSplits data, int clipCount, int clipSamples, long seed, Path cacheDir, JudgeSettings settings)
            throws IOException {
        Check.notNull("data", data);
        Check.positive("clipCount", clipCount);
        Check.that(
                !data.validation().isEmpty()
                        && !data.test().isEmpty()
                        && !data.train().isEmpty(),
                "data",
                data.datasetName(),
                "needs clips in all three splits");
        checkClipLength(
                clipSamples,
                LogMelSpectrogram.forSampleRate(data.sampleRate(), settings.melBands())
                        .nFft(),
                data.sampleRate());
        Judge judge = JudgeCache.loadOrTrain(cacheDir, data, clipSamples, settings);
        return calibrate(judge, data, clipCount, clipSamples, seed);
    }

    /** Calibrates with a judge already at hand; see {@link #calibrate(AudioSplits, int, int, long, Path, JudgeSettings)}. */
    public static JudgeQualityProxy calibrate(
            Judge judge, AudioSplits data, int clipCount, int clipSamples, long seed) {
        checkClipLength(clipSamples, judge.features().nFft(), data.sampleRate());
        List<float[]> validation = ClipSets.samplesOf(data.validation());
        List<float[]> reference = ClipSets.allCrops(validation, clipSamples);
        if (reference.size() < clipCount) {
            reference = ClipSets.crops(validation, clipCount, clipSamples);
        }
        List<float[]> training = Memorisation.spread(
                ClipSets.allCrops(ClipSets.samplesOf(data.train()), clipSamples), MAX_TRAINING_WINDOWS);
        List<float[]> test = ClipSets.samplesOf(data.test());
        List<float[]> heldOutWindows = ClipSets.allCrops(test, clipSamples);
        // Non-overlapping windows when they make two subsets, else half-overlapping ones.
        int hop = ClipSets.windows(test, clipSamples, clipSamples).size() >= 2 * clipCount
                ? clipSamples
                : Math.max(1, clipSamples / 2);
        List<float[]> pool = new ArrayList<>();
        List<Map<String, String>> poolLabels = new ArrayList<>();
        for (AudioClip clip : data.test()) {
            for (float[] w : ClipSets.windows(List.of(clip.samples()), clipSamples, hop)) {
                pool.add(w);
                poolLabels.add(clip.labels());
            }
        }
        List<List<float[]>> subsets = new ArrayList<>();
        List<List<Map<String, String>>> subsetLabels = new ArrayList<>();
        int k = Math.min(MAX_REAL_SUBSETS, pool.size() / clipCount);
        if (k == 0) {
            // Too little held-out audio for one subset of distinct windows: one subset, windows reused.
            subsets.add(ClipSets.crops(test, clipCount, clipSamples));
            List<Map<String, String>> labels = new ArrayList<>();
            for (int i = 0; i < clipCount; i++) {
                labels.add(data.test().get(i % data.test().size()).labels());
            }
            subsetLabels.add(labels);
        }
        for (int s = 0; s < k; s++) {
            // Subset s takes windows s, s + k, s + 2k, ...: every subset spans the whole split.
            List<float[]> clips = new ArrayList<>();
            List<Map<String, String>> labels = new ArrayList<>();
            for (int i = 0; i < clipCount; i++) {
                clips.add(pool.get(s + i * k));
                labels.add(poolLabels.get(s + i * k));
            }
            subsets.add(clips);
            subsetLabels.add(labels);
        }
        List<float[]> noiseClips = ClipSets.spectrumNoise(reference, clipCount, clipSamples, seed);
        JudgeQualityProxy proxy = new JudgeQualityProxy(
                judge, clipCount, clipSamples, reference, training, heldOutWindows, subsets, subsetLabels, noiseClips);
        if (proxy.unconditional.terms(proxy.unconditional.real()).stream().noneMatch(QualityTerm::informative)) {
            throw new IllegalStateException("cannot calibrate the quality proxy: no term tells held-out real audio "
                    + "from noise with the data's spectrum (" + proxy.unconditional.summary() + "); the data is too "
                    + "uniform or silent. Use more, and more varied, clips of real audio.");
        }
        return proxy;
    }

    /** A judged clip must hold at least one analysis window. */
    private static void checkClipLength(int clipSamples, int nFft, int sampleRate) {
        Check.that(
                clipSamples >= nFft,
                "quality.clip_seconds",
                (double) clipSamples / sampleRate,
                "gives "
                        + clipSamples + " samples; the judge needs at least " + nFft + " (" + (double) nFft / sampleRate
                        + " s); judge longer clips");
    }

    @Override
    public String name() {
        return "judge";
    }

    /**
     * The judge's weights hash and validation accuracy (or that it is untrained), the real anchor's
     * spread and any term dropped, for provenance: study.json and the console show it.
     */
    @Override
    public String description() {
        String judged = judge.trained()
                ? "judge (weights sha256 " + judge.weightsSha256() + ", facets "
                        + judge.vocabulary().facets() + ", validation accuracy " + judge.validationAccuracy() + ")"
                : "UNTRAINED judge (weights sha256 " + judge.weightsSha256() + "): " + Judge.UNTRAINED;
        return judged + " + log-mel statistics; " + unconditional.summary();
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
        return memorisation.score(
                unconditional.terms(measure(clips, j, classScoreOf(j))), unconditional, j.embeddings());
    }

    /**
     * Scores a conditional model's clips: clip {@code i} was asked to carry {@code requested[i]}.
     * The class term is then label accuracy, calibrated by the judge's accuracy on held-out real
     * clips (1) and on noise (0) against {@link #realLabels()}, and clips not recognised as asked
     * count as noise: Q is multiplied by that term's scaled value ({@link QualityScore}).
     */
    @Override
    public QualityScore scoreConditional(float[][] generated, List<Map<String, String>> requested) {
        List<float[]> clips = ClipSets.checkedCopies(generated, clipCount, clipSamples);
        Check.that(
                requested != null && requested.size() == clipCount,
                "requested labels",
                requested == null ? null : requested.size(),
                "give one label set per clip (" + clipCount + ")");
        Judge.Judgement j = judge.judge(clips);
        List<QualityTerm> terms = conditional.terms(measure(clips, j, accuracy(j, requested)));
        QualityTerm labels = terms.get(TERMS.indexOf(CLASS));
        return memorisation.score(terms, conditional, j.embeddings(), labels.informative() ? labels.scaled() : 1);
    }

    /** The labels a conditional model is asked for: those of the first held-out real subset, in order. */
    public List<Map<String, String>> realLabels() {
        return realLabels;
    }

    /** The raw value of every term of {@link #TERMS}, the class term given. */
    private double[] measure(List<float[]> clips, Judge.Judgement j, double classScore) {
        return new double[] {
            DiagonalGaussian.fit(j.embeddings()).frechetDistance(referenceEmbedding),
            classScore,
            LogMelStatistics.of(signalFeatures, clips).distance(referenceSignal)
        };
    }

    /** The {@link AgreementGap} of each facet, averaged over facets; NaN without facets (an untrained judge). */
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

    /** The unconditional calibration: anchors, spreads and subsets. */
    TermAnchors anchors() {
        return unconditional;
    }

    public Judge judge() {
        return judge;
    }
}
