package io.paretone.evaluators.quality;

import io.paretone.spaces.check.Check;

/**
 * An in-place iterative radix-2 complex FFT of one fixed power-of-two size.
 *
 * <p>Convention: forward transform without scaling, {@code X[k] = sum_n x[n] exp(-2 pi i k n / N)},
 * as in NumPy's {@code fft}. Twiddle factors and the bit-reversal permutation are computed once per
 * instance; an instance is immutable and may be shared between threads, since {@link #transform}
 * works only on the caller's arrays.
 */
public final class Fft {
    private final int size;
    private final int[] bitReversed;
    private final double[] cos;
    private final double[] sin;

    /**
     * @param size the transform length, a power of two (1 included)
     */
    public Fft(int size) {
        Check.positive("size", size);
        Check.that(
                Integer.bitCount(size) == 1,
                "size",
                size,
                "must be a power of two for a radix-2 FFT; pick 256, 512, 1024, ...");
        this.size = size;
        int bits = Integer.numberOfTrailingZeros(size);
        bitReversed = new int[size];
        for (int i = 0; i < size; i++) {
            bitReversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (Integer.SIZE - bits);
        }
        cos = new double[size / 2];
        sin = new double[size / 2];
        for (int k = 0; k < size / 2; k++) {
            double angle = -2 * Math.PI * k / size;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
    }

    public int size() {
        return size;
    }

    /** Replaces {@code (re, im)} by its forward DFT. Both arrays must have length {@link #size()}. */
    public void transform(double[] re, double[] im) {
        Check.that(
                re.length == size && im.length == size,
                "re.length, im.length",
                re.length + ", " + im.length,
                "must both equal the FFT size " + size);
        for (int i = 0; i < size; i++) {
            int j = bitReversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int half = 1; half < size; half <<= 1) {
            int stride = size / (2 * half);
            for (int start = 0; start < size; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * stride];
                    double wi = sin[k * stride];
                    int a = start + k;
                    int b = a + half;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
