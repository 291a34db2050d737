package io.paretone.evaluators.quality;

import io.paretone.spaces.check.Check;

/**
 * Log-mel frames of a mono signal: the features the quality proxy compares.
 *
 * <p>Conventions, chosen to match common practice (librosa / torchaudio with the settings named):
 *
 * <ul>
 *   <li><b>Framing.</b> No centring or padding: frame {@code t} covers samples
 *       {@code [t*hop, t*hop + nFft)}, so a signal of {@code n >= nFft} samples has
 *       {@code 1 + (n - nFft) / hop} frames (trailing samples that do not fill a hop are dropped). A
 *       signal shorter than {@code nFft} is zero-padded to one frame.
 *   <li><b>Window.</b> Periodic Hann, {@code w[n] = 0.5 - 0.5 cos(2 pi n / nFft)} (SciPy's
 *       {@code get_window("hann", nFft)}).
 *   <li><b>Spectrum.</b> Power {@code |X[k]|^2 / sum(w^2)} for bins {@code k = 0..nFft/2}, a
 *       density scaling: white noise of variance {@code s^2} has expected power {@code s^2} in
 *       every bin, whatever {@code nFft}. A full-scale sinusoid centred on a bin puts
 *       {@code (sum w)^2 / (4 sum w^2) = nFft / 6} in it (85.3 at {@code nFft = 512}).
 *   <li><b>Mel scale.</b> HTK: {@code mel(f) = 2595 log10(1 + f / 700)}. Band centres are
 *       {@code nMels} points equally spaced in mel strictly between {@code fMin} and {@code fMax}.
 *   <li><b>Filters.</b> Triangles in Hz, peak 1 at their centre, reaching 0 at the neighbouring
 *       centres (the outer ones at {@code fMin} and {@code fMax}); evaluated at each bin's exact
 *       frequency {@code k * sampleRate / nFft}, not snapped to bins. No area (Slaney)
 *       normalisation, so between the first and the last centre the filters sum to exactly 1 at
 *       every bin, and a mel band's value is a power comparable across bands.
 *   <li><b>Log.</b> Natural log of {@code mel + }{@value #LOG_FLOOR}. With the spectrum scaling
 *       above, the floor equals one bin of white noise at -50 dBFS RMS and sits 69 dB below a
 *       full-scale sinusoid (at {@code nFft = 512}): it bounds the dynamic range the features see.
 *       Silence gives {@code ln(1e-5) ~ -11.5} in every band, never {@code -infinity}. The floor
 *       is a trade-off: a higher one hides quiet hiss; a lower one would make silence and faint
 *       leakage dominate the distance.
 * </ul>
 *
 * <p>Input samples are expected finite; the spectrogram does not sanitise them (the proxy does).
 * Instances are immutable and thread-safe.
 */
public final class LogMelSpectrogram {
    /** Added to every mel power before the log. */
    public static final double LOG_FLOOR = 1e-5;

    private final int sampleRate;
    private final int nFft;
    private final int hop;
    private final int nMels;
    private final double fMin;
    private final double fMax;
    private final Fft fft;
    private final double[] window;
    private final double powerScale;
    private final double[] centres;
    /** filters[m][k]: weight of FFT bin k in mel band m; nonzero only in [firstBin[m], lastBin[m]]. */
    private final double[][] filters;

    private final int[] firstBin;
    private final int[] lastBin;

    /**
     * @param sampleRate samples per second of the signals this will see
     * @param nFft FFT and window length, a power of two
     * @param hop samples between frame starts, at most {@code nFft}
     * @param nMels number of mel bands
     * @param fMin lowest frequency covered, in Hz, at least 0
     * @param fMax highest frequency covered, in Hz, above {@code fMin} and at most
     *     {@code sampleRate / 2}
     */
    public LogMelSpectrogram(int sampleRate, int nFft, int hop, int nMels, double fMin, double fMax) {
        this.sampleRate = Check.positive("sampleRate", sampleRate);
        this.fft = new Fft(nFft);
        this.nFft = nFft;
        Check.that(hop > 0 && hop <= nFft, "hop", hop, "must be between 1 and nFft = " + nFft);
        this.hop = hop;
        this.nMels = Check.positive("nMels", nMels);
        Check.inRange("fMin", fMin, 0, sampleRate / 2.0);
        Check.that(
                fMax > fMin && fMax <= sampleRate / 2.0,
                "fMax",
                fMax,
                "must be above fMin = " + fMin + " and at most sampleRate / 2 = " + sampleRate / 2.0);
        this.fMin = fMin;
        this.fMax = fMax;

        window = new double[nFft];
        double windowSquares = 0;
        for (int n = 0; n < nFft; n++) {
            window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / nFft);
            windowSquares += window[n] * window[n];
        }
        powerScale = 1.0 / windowSquares;

        double melMin = hzToMel(fMin);
        double melMax = hzToMel(fMax);
        double[] edges = new double[nMels + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(melMin + (melMax - melMin) * i / (nMels + 1));
        }
        centres = new double[nMels];
        int bins = nFft / 2 + 1;
        filters = new double[nMels][bins];
        firstBin = new int[nMels];
        lastBin = new int[nMels];
        double binHz = (double) sampleRate / nFft;
        for (int m = 0; m < nMels; m++) {
            double lo = edges[m];
            double centre = edges[m + 1];
            double hi = edges[m + 2];
            centres[m] = centre;
            firstBin[m] = bins;
            lastBin[m] = -1;
            for (int k = 0; k < bins; k++) {
                double f = k * binHz;
                double weight = f <= centre ? (f - lo) / (centre - lo) : (hi - f) / (hi - centre);
                if (weight > 0) {
                    filters[m][k] = weight;
                    firstBin[m] = Math.min(firstBin[m], k);
                    lastBin[m] = k;
                }
            }
            Check.that(
                    lastBin[m] >= 0,
                    "nMels",
                    nMels,
                    "leaves mel band " + m + " (centre " + Math.round(centre)
                            + " Hz) without any FFT bin; use fewer bands or a larger nFft");
        }
    }

    /**
     * The defaults for a sample rate: a window of about 32 ms rounded to a power of two (512 at
     * 16 kHz), hop of a quarter window (128 at 16 kHz), 40 bands from 0 Hz to {@code sampleRate/2}.
     */
    public static LogMelSpectrogram forSampleRate(int sampleRate) {
        return forSampleRate(sampleRate, 40);
    }

    /** As {@link #forSampleRate(int)}, with {@code nMels} bands. */
    public static LogMelSpectrogram forSampleRate(int sampleRate, int nMels) {
        Check.positive("sampleRate", sampleRate);
        int nFft = Integer.highestOneBit((int) Math.max(2, Math.round(sampleRate * 0.032)));
        if (nFft * 1.5 < sampleRate * 0.032) {
            nFft *= 2;
        }
        return new LogMelSpectrogram(sampleRate, nFft, nFft / 4, nMels, 0, sampleRate / 2.0);
    }

    /** HTK mel of a frequency in Hz. */
    public static double hzToMel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    /** Frequency in Hz of an HTK mel value. */
    public static double melToHz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /** How many frames {@link #compute} returns for a signal of this many samples. */
    public int frameCount(int samples) {
        return samples < nFft ? 1 : 1 + (samples - nFft) / hop;
    }

    /** Log-mel frames, indexed {@code [frame][band]}; see the class comment for the conventions. */
    public double[][] compute(float[] samples) {
        Check.notNull("samples", samples);
        int frames = frameCount(samples.length);
        double[][] out = new double[frames][nMels];
        double[] re = new double[nFft];
        double[] im = new double[nFft];
        double[] power = new double[nFft / 2 + 1];
        for (int t = 0; t < frames; t++) {
            int start = t * hop;
            for (int n = 0; n < nFft; n++) {
                int i = start + n;
                re[n] = i < samples.length ? samples[i] * window[n] : 0;
                im[n] = 0;
            }
            fft.transform(re, im);
            for (int k = 0; k < power.length; k++) {
                power[k] = (re[k] * re[k] + im[k] * im[k]) * powerScale;
            }
            for (int m = 0; m < nMels; m++) {
                double sum = 0;
                for (int k = firstBin[m]; k <= lastBin[m]; k++) {
                    sum += filters[m][k] * power[k];
                }
                out[t][m] = Math.log(sum + LOG_FLOOR);
            }
        }
        return out;
    }

    /** A copy of the filterbank, indexed {@code [band][bin]} for bins {@code 0..nFft/2}. */
    public double[][] filterbank() {
        double[][] copy = new double[nMels][];
        for (int m = 0; m < nMels; m++) {
            copy[m] = filters[m].clone();
        }
        return copy;
    }

    /** Each band's centre frequency in Hz, ascending. */
    public double[] centreFrequencies() {
        return centres.clone();
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int nFft() {
        return nFft;
    }

    public int hop() {
        return hop;
    }

    public int nMels() {
        return nMels;
    }

    public double fMin() {
        return fMin;
    }

    public double fMax() {
        return fMax;
    }

    @Override
    public String toString() {
        return "LogMelSpectrogram[sampleRate=" + sampleRate + ", nFft=" + nFft + ", hop=" + hop + ", nMels=" + nMels
                + ", fMin=" + fMin + ", fMax=" + fMax + "]";
    }
}
