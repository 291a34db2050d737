package io.paretone.evaluators.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * A signal-level summary of a set of clips: their log-mel frames ({@link LogMelSpectrogram}),
 * pooled over all clips, as a {@link DiagonalGaussian} per mel band, plus each band's spectral flux
 * {@code f_b}, the mean of {@code |x[t][b] - x[t-1][b]|} over consecutive frames of the same clip.
 * The distance between two sets is
 *
 * <pre>
 *   d = sum_b (mu1_b - mu2_b)^2 + (s1_b - s2_b)^2     the Fréchet distance of diagonal Gaussians
 *     + sum_b (f1_b - f2_b)^2                         the flux term
 * </pre>
 *
 * in squared natural-log units. The Gaussian term alone ignores the order of frames: shuffling
 * frames in time, or replacing a smooth decay by frame-to-frame flicker with the same spread,
 * leaves it unchanged. The flux term restores that sensitivity; it separates stationary noise
 * (whose log-mel values fluctuate randomly from frame to frame) and clicks from real notes, whose
 * bands move smoothly. It sees hiss, muffling and clicks however a judge network reacts to them.
 */
public record LogMelStatistics(DiagonalGaussian frames, double[] flux) {

    public static LogMelStatistics of(LogMelSpectrogram features, List<float[]> clips) {
        int bands = features.nMels();
        List<double[]> all = new ArrayList<>();
        double[] fluxSum = new double[bands];
        long pairs = 0;
        for (float[] clip : clips) {
            double[][] x = features.compute(clip);
            for (int t = 0; t < x.length; t++) {
                all.add(x[t]);
                for (int b = 0; t > 0 && b < bands; b++) {
                    fluxSum[b] += Math.abs(x[t][b] - x[t - 1][b]);
                }
            }
            pairs += x.length - 1;
        }
        double[] flux = new double[bands];
        for (int b = 0; b < bands; b++) {
            flux[b] = pairs == 0 ? 0 : fluxSum[b] / pairs;
        }
        return new LogMelStatistics(DiagonalGaussian.fit(all.toArray(new double[0][])), flux);
    }

    public double distance(LogMelStatistics other) {
        double d = frames.frechetDistance(other.frames);
        for (int b = 0; b < flux.length; b++) {
            double df = flux[b] - other.flux[b];
            d += df * df;
        }
        return d;
    }
}
