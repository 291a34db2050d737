package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FftTest {
    @Test
    void matchesANaiveDftOnARandomComplexVector() {
        for (int n : new int[] {1, 2, 8, 64, 512}) {
            SplittableRandom random = new SplittableRandom(n);
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = random.nextGaussian();
                im[i] = random.nextGaussian();
            }
            double[] expectedRe = new double[n];
            double[] expectedIm = new double[n];
            for (int k = 0; k < n; k++) {
                for (int t = 0; t < n; t++) {
                    double angle = -2 * Math.PI * ((long) k * t % n) / n;
                    expectedRe[k] += re[t] * Math.cos(angle) - im[t] * Math.sin(angle);
                    expectedIm[k] += re[t] * Math.sin(angle) + im[t] * Math.cos(angle);
                }
            }
            new Fft(n).transform(re, im);
            for (int k = 0; k < n; k++) {
                assertEquals(expectedRe[k], re[k], 1e-9, "re[" + k + "] of n=" + n);
                assertEquals(expectedIm[k], im[k], 1e-9, "im[" + k + "] of n=" + n);
            }
        }
    }

    @Test
    void aUnitImpulseHasAFlatSpectrum() {
        double[] re = new double[16];
        double[] im = new double[16];
        re[0] = 1;
        new Fft(16).transform(re, im);
        for (int k = 0; k < 16; k++) {
            assertEquals(1, re[k], 1e-12);
            assertEquals(0, im[k], 1e-12);
        }
    }

    @Test
    void sizesThatAreNotPowersOfTwoAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Fft(400));
        assertEquals(true, e.getMessage().contains("power of two"), e.getMessage());
    }
}
