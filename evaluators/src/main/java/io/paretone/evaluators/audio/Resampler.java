package io.paretone.evaluators.audio;

import io.paretone.spaces.check.Check;

/**
 * Band-limited sample-rate conversion by windowed-sinc interpolation.
 *
 * <p>Output sample {@code j} sits at input time {@code t = j x from / to} and is
 * {@code sum_i x[i] h(t - i)} with {@code h(u) = c sinc(c u) w(u / (Z / c))}, where
 * {@code c = min(1, to / from)} puts the cut-off at the lower of the two Nyquist frequencies (so
 * downsampling does not alias), {@code Z} = {@value #ZERO_CROSSINGS} zero crossings of the sinc on
 * each side, and {@code w} is a Blackman window (stop band below about -70 dB). Samples outside the
 * input count as 0. The output has {@code round(n x to / from)} samples, at least one for a
 * non-empty input. Equal rates return a copy.
 */
public final class Resampler {
    static final int ZERO_CROSSINGS = 16;
    private static final int MAX_TABULATED_PHASES = 4096;

    private Resampler() {}

    public static float[] resample(float[] input, int from, int to) {
        Check.notNull("input", input);
        Check.positive("from", from);
        Check.positive("to", to);
        if (from == to || input.length == 0) {
            return input.clone();
        }
        int outputLength = (int) Math.max(1, Math.round((double) input.length * to / from));
        double cutoff = Math.min(1.0, (double) to / from);
        double halfWidth = ZERO_CROSSINGS / cutoff;
        int reach = (int) Math.ceil(halfWidth) + 1;
        // Output j sits at input time j * from / to = (j * step) / phases with the ratio reduced:
        // only `phases` distinct fractional positions exist, so their taps are computed once
        // (unless there are so many that a table would cost more than it saves).
        long gcd = gcd(from, to);
        long step = from / gcd;
        int phases = (int) (to / gcd);
        boolean tabulated = phases <= MAX_TABULATED_PHASES;
        double[][] taps = new double[tabulated ? phases : 1][2 * reach + 1];
        for (int p = 0; tabulated && p < phases; p++) {
            fillTaps(taps[p], (double) p / phases, reach, cutoff, halfWidth);
        }
        float[] output = new float[outputLength];
        for (int j = 0; j < outputLength; j++) {
            long position = j * step;
            int base = (int) (position / phases);
            int phase = (int) (position % phases);
            double[] phaseTaps =
                    tabulated ? taps[phase] : fillTaps(taps[0], (double) phase / phases, reach, cutoff, halfWidth);
            int first = Math.max(0, base - reach);
            int last = Math.min(input.length - 1, base + reach);
            double sum = 0;
            for (int i = first; i <= last; i++) {
                sum += input[i] * phaseTaps[i - base + reach];
            }
            output[j] = (float) sum;
        }
        return output;
    }

    private static double[] fillTaps(double[] taps, double fraction, int reach, double cutoff, double halfWidth) {
        for (int k = -reach; k <= reach; k++) {
            taps[k + reach] = kernel(fraction - k, cutoff, halfWidth);
        }
        return taps;
    }

    /** The interpolation kernel at distance {@code u} input samples. */
    private static double kernel(double u, double cutoff, double halfWidth) {
        return cutoff * sinc(cutoff * u) * blackman(u / halfWidth);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static double sinc(double x) {
        if (Math.abs(x) < 1e-12) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** Blackman window on [-1, 1], 1 at 0 and 0 at the ends. */
    private static double blackman(double x) {
        if (Math.abs(x) >= 1) {
            return 0;
        }
        return 0.42 + 0.5 * Math.cos(Math.PI * x) + 0.08 * Math.cos(2 * Math.PI * x);
    }
}
