package io.paretone.spaces.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.check.Check;

/**
 * A differentiable log-mel spectrogram in DJL, for spectral losses and spectral representations:
 * Hann-windowed STFT (centred), power, an HTK mel filterbank, then log(power + floor). Input
 * {@code [B, L]}, output {@code [B, mels, frames]} with frames = L / hop + 1.
 */
public final class LogMel {
    private static final double FLOOR = 1e-5;
    private final int sampleRate;
    private final int fftSize;
    private final int hop;
    private final int mels;
    private NDArray window;
    private NDArray filters;
    private NDArray floor;

    public LogMel(int sampleRate, int fftSize, int hop, int mels) {
        this.sampleRate = Check.positive("sample rate", sampleRate);
        Check.that(Integer.bitCount(fftSize) == 1, "fft size", fftSize, "must be a power of two");
        this.fftSize = fftSize;
        this.hop = Check.positive("hop", hop);
        this.mels = Check.positive("mels", mels);
    }

    /**
     * The log-mel spectrogram of {@code audio}. The window, filterbank and floor are copied to the
     * audio's device at the first call and kept (out of any scope) until its manager closes: a copy
     * per call would wait for a GPU each time.
     */
    public NDArray of(NDArray audio) {
        if (window == null || window.isReleased() || !window.getDevice().equals(audio.getDevice())) {
            NDManager m = audio.getManager();
            window = m.create(hann(fftSize));
            filters = m.create(filterbank(), new Shape(mels, fftSize / 2 + 1));
            floor = m.create((float) FLOOR);
            NDScope.unregister(window, filters, floor);
        }
        NDArray spectrum = audio.stft(fftSize, hop, true, window, false); // [B, F, T, 2]
        NDArray power = spectrum.square().sum(new int[] {3}); // [B, F, T]
        return filters.matMul(power).add(floor).log(); // [M, F] x [B, F, T] broadcasts to [B, M, T]
    }

    /** The periodic Hann window of {@code n} points. */
    public static float[] hann(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        }
        return w;
    }

    /** Triangular filters evenly spaced on the HTK mel scale from 0 Hz to Nyquist, row-major {@code [mels, bins]}. */
    float[] filterbank() {
        int bins = fftSize / 2 + 1;
        double top = toMel(sampleRate / 2.0);
        double[] edges = new double[mels + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = fromMel(top * i / (mels + 1));
        }
        float[] f = new float[mels * bins];
        for (int m = 0; m < mels; m++) {
            for (int b = 0; b < bins; b++) {
                double hz = (double) b * sampleRate / fftSize;
                double rise = (hz - edges[m]) / (edges[m + 1] - edges[m]);
                double fall = (edges[m + 2] - hz) / (edges[m + 2] - edges[m + 1]);
                f[m * bins + b] = (float) Math.max(0, Math.min(rise, fall));
            }
        }
        return f;
    }

    private static double toMel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double fromMel(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }
}
