package io.paretone.evaluators.quality;

import io.paretone.evaluators.data.AudioClip;
import io.paretone.evaluators.data.AudioSplits;
import io.paretone.spaces.check.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A calibrated signal-level distance between generated and real audio, mapped to a %MOS estimate.
 *
 * <h2>What it computes</h2>
 *
 * Every clip becomes log-mel frames ({@link LogMelSpectrogram}). The frames of all clips of a set
 * are pooled and summarised per mel band {@code b} by their mean {@code mu_b}, standard deviation
 * {@code s_b} (population, over all frames) and spectral flux {@code f_b}, the mean of
 * {@code |x[t][b] - x[t-1][b]|} over consecutive frames of the same clip. The distance between two
 * sets is
 *
 * <pre>
 *   d = sum_b (mu1_b - mu2_b)^2 + (s1_b - s2_b)^2     the Fréchet distance of diagonal Gaussians
 *     + sum_b (f1_b - f2_b)^2                         the flux term
 * </pre>
 *
 * in squared natural-log units. The Gaussian term alone ignores the order of frames: shuffling
 * frames in time, or replacing a smooth decay by frame-to-frame flicker with the same spread,
 * leaves it unchanged. The flux term restores that sensitivity; it separates stationary noise (whose
 * log-mel values fluctuate randomly from frame to frame) and clicks or discontinuities from real
 * notes, whose bands move smoothly.
 *
 * <p>Calibration maps {@code d} to {@code percentMos = clamp(1 - (d - dReal) / (dNoise - dReal), 0,
 * 1)}, where {@code dReal} is the distance of held-out real clips and {@code dNoise} that of white
 * Gaussian noise at the reference's RMS, both with the same clip count and length as a candidate
 * (the distance of a small set is biased upwards; matching the set size keeps the bias equal).
 *
 * <h2>What it is not</h2>
 *
 * It is not a listening test and not a MOS predictor trained on human ratings. It says how far the
 * generated audio's short-time spectra sit from real audio's, on a scale where "as close as other
 * real audio" is 1 and "as far as noise" is 0. It cannot tell musicality, intelligibility or
 * label fidelity apart, it pools frames so it judges the set rather than each clip, and it can be
 * fooled by audio that copies the reference's spectral statistics. A later issue adds a judge
 * network; this proxy stays as the cheap, dependency-free baseline.
 *
 * <h2>Robustness</h2>
 *
 * Before analysis each generated sample is treated as a PCM writer would: {@code NaN} becomes 0 and
 * values are clamped to {@code [-1, 1]}. Together with the log floor this keeps every distance
 * finite for any input, silence and constants included.
 *
 * <p>Reference statistics are computed once, at calibration; scoring a candidate costs one
 * spectrogram per clip. Instances are immutable and thread-safe.
 */
public final class LogMelFrechetProxy implements QualityProxy {
    private final LogMelSpectrogram features;
    private final int clipCount;
    private final int clipSamples;
    private final Stats reference;
    private final double realDistance;
    private final double noiseDistance;

    private LogMelFrechetProxy(LogMelSpectrogram features, int clipCount, int clipSamples,
            Stats reference, double realDistance, double noiseDistance) {
        this.features = features;
        this.clipCount = clipCount;
        this.clipSamples = clipSamples;
        this.reference = reference;
        this.realDistance = realDistance;
        this.noiseDistance = noiseDistance;
    }

    /**
     * Calibrates with the default features for the sample rate
     * ({@link LogMelSpectrogram#forSampleRate}).
     *
     * @see #calibrate(LogMelSpectrogram, List, List, int, int, long)
     */
    public static LogMelFrechetProxy calibrate(int sampleRate, List<float[]> reference,
            List<float[]> heldOut, int clipCount, int clipSamples, long seed) {
        return calibrate(LogMelSpectrogram.forSampleRate(sampleRate), reference, heldOut, clipCount,
                clipSamples, seed);
    }

    /**
     * Calibrates on a dataset's splits as {@link AudioSplits} assigns them: {@code validation} is
     * the reference, {@code test} the held-out real audio.
     */
    public static LogMelFrechetProxy calibrate(AudioSplits splits, int clipCount, int clipSamples,
            long seed) {
        Check.notNull("splits", splits);
        return calibrate(splits.sampleRate(), samplesOf(splits.validation()),
                samplesOf(splits.test()), clipCount, clipSamples, seed);
    }

    /**
     * Builds a proxy: computes the reference statistics once, then the two calibration distances.
     *
     * <p>Clips are fitted to {@code clipSamples} by {@link #crops}: cropped from their start, or
     * zero-padded at the end. The reference uses all its clips, and at least {@code clipCount}
     * crops, since more reference frames only make its statistics steadier. The held-out set uses
     * exactly {@code clipCount} crops, as a candidate does. Where a list has fewer clips than
     * needed, its clips are reused cyclically, each pass at a later offset (see {@link #crops}).
     *
     * @param seed seeds the white-noise clips that calibrate %MOS = 0
     * @throws IllegalStateException if noise is not farther from the reference than held-out real
     *     audio is, which means the data is too uniform (or silent) for this proxy to be calibrated
     */
    public static LogMelFrechetProxy calibrate(LogMelSpectrogram features, List<float[]> reference,
            List<float[]> heldOut, int clipCount, int clipSamples, long seed) {
        Check.notNull("features", features);
        Check.that(reference != null && !reference.isEmpty(), "reference",
                reference == null ? null : "[]", "needs at least one clip of real audio");
        Check.that(heldOut != null && !heldOut.isEmpty(), "heldOut",
                heldOut == null ? null : "[]", "needs at least one clip of held-out real audio");
        Check.positive("clipCount", clipCount);
        Check.atLeast("clipSamples", clipSamples, features.nFft() + features.hop());

        List<float[]> referenceCrops =
                crops(reference, Math.max(clipCount, reference.size()), clipSamples);
        List<float[]> heldOutCrops = crops(heldOut, clipCount, clipSamples);
        Stats referenceStats = Stats.of(features, referenceCrops);
        double dReal = Stats.distance(Stats.of(features, heldOutCrops), referenceStats);

        double rms = rms(referenceCrops);
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> noise = new ArrayList<>(clipCount);
        for (int c = 0; c < clipCount; c++) {
            float[] clip = new float[clipSamples];
            for (int i = 0; i < clipSamples; i++) {
                clip[i] = (float) (rms * random.nextGaussian());
            }
            noise.add(sanitised(clip));
        }
        double dNoise = Stats.distance(Stats.of(features, noise), referenceStats);
        if (!(dNoise > dReal)) {
            throw new IllegalStateException(String.format(
                    "cannot calibrate the quality proxy: white noise at the reference RMS (%.3g) is"
                            + " no farther from the reference (distance %.4g) than held-out real"
                            + " audio is (%.4g). The data is too uniform or silent for a log-mel"
                            + " distance; check that the reference and held-out clips hold audible,"
                            + " varied real audio, or use more clips.",
                    rms, dNoise, dReal));
        }
        return new LogMelFrechetProxy(features, clipCount, clipSamples, referenceStats, dReal, dNoise);
    }

    /**
     * {@code count} clips of exactly {@code length} samples taken from {@code clips} in order.
     * Clip {@code i} comes from {@code clips[i % size]} on pass {@code p = i / size}; pass 0 starts
     * at sample 0 (keeping onsets), pass {@code p} starts {@code p * length / 2} samples later,
     * capped at the last full window, so reused long clips contribute different audio. A clip
     * shorter than {@code length} is zero-padded at the end (and repeats exactly on reuse).
     */
    static List<float[]> crops(List<float[]> clips, int count, int length) {
        List<float[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] source = Check.notNull("clip " + (i % clips.size()), clips.get(i % clips.size()));
            int pass = i / clips.size();
            int offset = Math.max(0, Math.min(source.length - length, (int) ((long) pass * length / 2)));
            float[] crop = new float[length];
            System.arraycopy(source, offset, crop, 0, Math.min(length, source.length - offset));
            out.add(sanitised(crop));
        }
        return out;
    }

    @Override
    public String name() {
        return "logmel-frechet";
    }

    /**
     * @throws IllegalArgumentException if there are not exactly {@link #clipCount()} clips of
     *     exactly {@link #clipSamples()} samples each
     */
    @Override
    public QualityScore score(float[][] generated) {
        Check.notNull("generated", generated);
        Check.that(generated.length == clipCount, "generated clips", generated.length,
                "expected exactly clipCount = " + clipCount + " clips, as calibrated; generate that many");
        List<float[]> clips = new ArrayList<>(clipCount);
        for (int c = 0; c < clipCount; c++) {
            float[] clip = generated[c];
            Check.that(clip != null && clip.length == clipSamples, "generated[" + c + "].length",
                    clip == null ? null : clip.length,
                    "expected exactly clipSamples = " + clipSamples + " samples; crop or pad the clip");
            clips.add(sanitised(clip.clone()));
        }
        double d = Stats.distance(Stats.of(features, clips), reference);
        double percentMos = 1 - (d - realDistance) / (noiseDistance - realDistance);
        percentMos = Double.isNaN(percentMos) ? 0 : Math.max(0, Math.min(1, percentMos));
        return new QualityScore(percentMos, d, realDistance, noiseDistance);
    }

    @Override
    public int clipCount() {
        return clipCount;
    }

    @Override
    public int clipSamples() {
        return clipSamples;
    }

    /** The feature extractor, for provenance. */
    public LogMelSpectrogram features() {
        return features;
    }

    @Override
    public String toString() {
        return "LogMelFrechetProxy[" + features + ", clipCount=" + clipCount + ", clipSamples="
                + clipSamples + ", realDistance=" + realDistance + ", noiseDistance="
                + noiseDistance + "]";
    }

    /** NaN to 0 and clamp to [-1, 1], in place, as writing to PCM would. */
    private static float[] sanitised(float[] clip) {
        for (int i = 0; i < clip.length; i++) {
            float x = clip[i];
            clip[i] = Float.isNaN(x) ? 0f : Math.max(-1f, Math.min(1f, x));
        }
        return clip;
    }

    private static double rms(List<float[]> clips) {
        double sum = 0;
        long n = 0;
        for (float[] clip : clips) {
            for (float x : clip) {
                sum += (double) x * x;
            }
            n += clip.length;
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }

    private static List<float[]> samplesOf(List<AudioClip> clips) {
        Check.notNull("clips", clips);
        List<float[]> out = new ArrayList<>(clips.size());
        for (AudioClip clip : clips) {
            out.add(clip.samples());
        }
        return out;
    }

    /** Per-band summary of a set of clips' log-mel frames. */
    private record Stats(double[] mean, double[] std, double[] flux) {
        static Stats of(LogMelSpectrogram features, List<float[]> clips) {
            int bands = features.nMels();
            double[] sum = new double[bands];
            double[] fluxSum = new double[bands];
            List<double[][]> spectrograms = new ArrayList<>(clips.size());
            long frames = 0;
            long pairs = 0;
            for (float[] clip : clips) {
                double[][] x = features.compute(clip);
                spectrograms.add(x);
                for (int t = 0; t < x.length; t++) {
                    for (int b = 0; b < bands; b++) {
                        sum[b] += x[t][b];
                        if (t > 0) {
                            fluxSum[b] += Math.abs(x[t][b] - x[t - 1][b]);
                        }
                    }
                }
                frames += x.length;
                pairs += x.length - 1;
            }
            double[] mean = new double[bands];
            double[] flux = new double[bands];
            for (int b = 0; b < bands; b++) {
                mean[b] = sum[b] / frames;
                flux[b] = pairs == 0 ? 0 : fluxSum[b] / pairs;
            }
            double[] squares = new double[bands];
            for (double[][] x : spectrograms) {
                for (double[] frame : x) {
                    for (int b = 0; b < bands; b++) {
                        double dev = frame[b] - mean[b];
                        squares[b] += dev * dev;
                    }
                }
            }
            double[] std = new double[bands];
            for (int b = 0; b < bands; b++) {
                std[b] = Math.sqrt(squares[b] / frames);
            }
            return new Stats(mean, std, flux);
        }

        static double distance(Stats a, Stats b) {
            double d = 0;
            for (int i = 0; i < a.mean.length; i++) {
                double dm = a.mean[i] - b.mean[i];
                double ds = a.std[i] - b.std[i];
                double df = a.flux[i] - b.flux[i];
                d += dm * dm + ds * ds + df * df;
            }
            return d;
        }
    }
}
