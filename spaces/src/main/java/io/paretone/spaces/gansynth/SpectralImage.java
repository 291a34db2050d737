package io.paretone.spaces.gansynth;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.audio.LogMel;
import java.util.SplittableRandom;

/**
 * Audio to and from GANSynth's spectrogram images, {@code [B, channels, frames, bins]} in [-1, 1]:
 * a Hann-windowed STFT (FFT size N, hop N/4, centred, the Nyquist bin dropped), whose magnitude,
 * divided by N/4 so that a full-scale sine on a bin centre reads 1, becomes
 * {@code 1 + 2 ln(max(m, 1e-4)) / ln(1e4)} (from -80 dB to 0 dB onto [-1, 1]); the phase channel,
 * when drawn, is the instantaneous frequency: the frame-to-frame phase difference wrapped to
 * [-pi, pi), divided by pi (Engel et al. 2019).
 *
 * <p>Back to audio: magnitudes from the first channel, phases by accumulating the instantaneous
 * frequency, or by {@value #GRIFFIN_LIM_ITERATIONS} Griffin-Lim iterations from seeded random
 * phases; then inverse FFTs and a windowed overlap-add normalised by the summed squared window, as
 * {@code torch.istft}. None of this needs gradients: the generator is trained on images.
 */
final class SpectralImage {
    static final double FLOOR = 1e-4;
    static final int GRIFFIN_LIM_ITERATIONS = 32;
    private static final double LOG_RANGE = -Math.log(FLOOR);

    private final int fftSize;
    private final int hop;
    private final int bins;
    private final int frames;
    private final boolean instantaneousFrequency;
    private final float[] window;

    SpectralImage(int fftSize, int frames, boolean instantaneousFrequency) {
        this.fftSize = fftSize;
        this.hop = fftSize / 4;
        this.bins = fftSize / 2;
        this.frames = frames;
        this.instantaneousFrequency = instantaneousFrequency;
        window = LogMel.hann(fftSize);
    }

    /** The settings that decide an image, for keys of tables of images. */
    String describe() {
        return "FFT " + fftSize + ", " + frames + " frames"
                + (instantaneousFrequency ? ", instantaneous frequency" : "");
    }

    int samples() {
        return frames * hop;
    }

    private int channels() {
        return instantaneousFrequency ? 2 : 1;
    }

    /** The image of clips of {@link #samples()} samples each. */
    NDArray of(NDManager manager, float[][] audio) {
        int b = audio.length;
        float[][][] re = new float[b][][];
        float[][][] im = new float[b][][];
        spectrum(manager, audio, re, im);
        float[] image = new float[b * channels() * frames * bins];
        int plane = frames * bins;
        for (int c = 0; c < b; c++) {
            int base = c * channels() * plane;
            for (int k = 0; k < bins; k++) {
                double previous = 0;
                for (int t = 0; t < frames; t++) {
                    double magnitude = Math.hypot(re[c][t][k], im[c][t][k]) / (fftSize / 4.0);
                    image[base + t * bins + k] = (float) logMagnitude(magnitude);
                    if (instantaneousFrequency) {
                        double phase = Math.atan2(im[c][t][k], re[c][t][k]);
                        image[base + plane + t * bins + k] = (float) (wrap(phase - previous) / Math.PI);
                        previous = phase;
                    }
                }
            }
        }
        return manager.create(image, new Shape(b, channels(), frames, bins));
    }

    static double logMagnitude(double magnitude) {
        double x = 1 + 2 * Math.log(Math.max(magnitude, FLOOR)) / LOG_RANGE;
        return Math.min(1, x);
    }

    static double magnitude(double logMagnitude) {
        return Math.exp((logMagnitude - 1) * LOG_RANGE / 2);
    }

    /** An angle to [-pi, pi). */
    static double wrap(double angle) {
        double a = (angle + Math.PI) % (2 * Math.PI);
        return (a < 0 ? a + 2 * Math.PI : a) - Math.PI;
    }

    /** The first {@code frames} STFT frames of each clip, without the Nyquist bin: re and im {@code [frames][bins]}. */
    private void spectrum(NDManager manager, float[][] audio, float[][][] re, float[][][] im) {
        int b = audio.length;
        int length = audio[0].length;
        float[] flat = new float[b * length];
        for (int c = 0; c < b; c++) {
            System.arraycopy(audio[c], 0, flat, c * length, length);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(flat, new Shape(b, length));
            NDArray s = x.stft(fftSize, hop, true, scope.create(window), true).real(); // [B, N/2 + 1, T, 2]
            long all = s.getShape().get(2);
            int f = bins + 1;
            float[] v = s.toFloatArray();
            for (int c = 0; c < b; c++) {
                re[c] = new float[frames][bins];
                im[c] = new float[frames][bins];
                for (int k = 0; k < bins; k++) {
                    for (int t = 0; t < frames && t < all; t++) {
                        int at = (int) (((c * (long) f + k) * all + t) * 2);
                        re[c][t][k] = v[at];
                        im[c][t][k] = v[at + 1];
                    }
                }
            }
        }
    }

    /** Audio of {@link #samples()} samples per image; {@code random} seeds Griffin-Lim's first phases. */
    float[][] audio(NDManager manager, float[] image, int clips, SplittableRandom random) {
        int plane = frames * bins;
        float[][] out = new float[clips][];
        for (int c = 0; c < clips; c++) {
            int base = c * channels() * plane;
            double[][] magnitude = new double[frames][bins];
            double[][] phase = new double[frames][bins];
            for (int k = 0; k < bins; k++) {
                double accumulated = 0;
                for (int t = 0; t < frames; t++) {
                    magnitude[t][k] = magnitude(image[base + t * bins + k]) * (fftSize / 4.0);
                    if (instantaneousFrequency) {
                        accumulated += image[base + plane + t * bins + k] * Math.PI;
                        phase[t][k] = accumulated;
                    } else {
                        phase[t][k] = (random.nextDouble() * 2 - 1) * Math.PI;
                    }
                }
            }
            out[c] =
                    instantaneousFrequency ? inverse(manager, magnitude, phase) : griffinLim(manager, magnitude, phase);
        }
        return out;
    }

    private float[] griffinLim(NDManager manager, double[][] magnitude, double[][] phase) {
        float[] x = inverse(manager, magnitude, phase);
        for (int i = 0; i < GRIFFIN_LIM_ITERATIONS; i++) {
            float[][][] re = new float[1][][];
            float[][][] im = new float[1][][];
            spectrum(manager, new float[][] {x}, re, im);
            for (int t = 0; t < frames; t++) {
                for (int k = 0; k < bins; k++) {
                    phase[t][k] = Math.atan2(im[0][t][k], re[0][t][k]);
                }
            }
            x = inverse(manager, magnitude, phase);
        }
        return x;
    }

    /** Inverse FFT of each frame (Nyquist bin zero), windowed overlap-add, normalised, centre padding removed. */
    private float[] inverse(NDManager manager, double[][] magnitude, double[][] phase) {
        int f = bins + 1;
        float[] complex = new float[frames * f * 2];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < bins; k++) {
                complex[(t * f + k) * 2] = (float) (magnitude[t][k] * Math.cos(phase[t][k]));
                complex[(t * f + k) * 2 + 1] = (float) (magnitude[t][k] * Math.sin(phase[t][k]));
            }
        }
        float[] segments;
        try (NDManager scope = manager.newSubManager()) {
            segments = scope.create(complex, new Shape(frames, f, 2))
                    .complex()
                    .irfft(fftSize, -1)
                    .toFloatArray();
        }
        int padded = (frames - 1) * hop + fftSize;
        double[] sum = new double[padded];
        double[] envelope = new double[padded];
        for (int t = 0; t < frames; t++) {
            for (int j = 0; j < fftSize; j++) {
                sum[t * hop + j] += window[j] * segments[t * fftSize + j];
                envelope[t * hop + j] += window[j] * window[j];
            }
        }
        float[] audio = new float[samples()];
        for (int n = 0; n < audio.length; n++) {
            int at = n + fftSize / 2;
            audio[n] = envelope[at] > 1e-8 ? (float) (sum[at] / envelope[at]) : 0f;
        }
        return audio;
    }

    /** FLOPs of one real FFT of N points, the usual 2.5 N log2 N estimate. */
    private long fftFlops() {
        return (long) (2.5 * fftSize * (31 - Integer.numberOfLeadingZeros(fftSize)));
    }

    /**
     * FLOPs to turn one image into audio: per frame the polar-to-rectangular conversion (about 4
     * per bin) and an inverse FFT, the windowed overlap-add (3 per windowed sample) and the
     * normalisation (1 per sample); the phase accumulation (1 per bin) or, for Griffin-Lim, as many
     * forward STFTs and angles (about 8 per bin) and inversions again as it iterates.
     */
    long inversionFlops() {
        long inverse = frames * (4L * bins + fftFlops() + 3L * fftSize) + samples();
        if (instantaneousFrequency) {
            return inverse + (long) frames * bins;
        }
        long forward = frames * (2L * fftSize + fftFlops() + 8L * bins);
        return inverse + GRIFFIN_LIM_ITERATIONS * (forward + inverse);
    }
}
