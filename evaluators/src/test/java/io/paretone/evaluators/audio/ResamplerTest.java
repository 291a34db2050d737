package io.paretone.evaluators.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {
    private static float[] sine(double hz, int rate, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    /** Away from the edges, where the kernel runs out of input, {@code out} is the sine at its new rate. */
    private static void assertSine(float[] out, double hz, double rate) {
        for (int j = 100; j < out.length - 100; j++) {
            assertEquals(0.5 * Math.sin(2 * Math.PI * hz * j / rate), out[j], 2e-3, "sample " + j);
        }
    }

    @Test
    void a1kHzSineAt44100IsThe1kHzSineAt16000() {
        float[] out = Resampler.resample(sine(1000, 44_100, 44_100), 44_100, 16_000);
        assertEquals(16_000, out.length, "round(44100 x 16000 / 44100)");
        assertSine(out, 1000, 16_000);
    }

    @Test
    void toneAboveTheNewNyquistIsRemovedNotAliased() {
        // 10 kHz cannot exist at 16 kHz; without filtering it would fold to 6 kHz at full level.
        float[] out = Resampler.resample(sine(10_000, 44_100, 44_100), 44_100, 16_000);
        double sum = 0;
        for (int j = 100; j < out.length - 100; j++) {
            sum += out[j] * out[j];
        }
        double rms = Math.sqrt(sum / (out.length - 200));
        assertTrue(rms < 0.01 * 0.5 / Math.sqrt(2), "residual rms " + rms + ", at least 40 dB below the input");
    }

    @Test
    void upsamplingKeepsTheWaveform() {
        float[] out = Resampler.resample(sine(440, 8_000, 8_000), 8_000, 16_000);
        assertEquals(16_000, out.length);
        assertSine(out, 440, 16_000);
    }

    @Test
    void equalRatesReturnACopy() {
        float[] in = {0.1f, -0.2f, 0.3f};
        float[] out = Resampler.resample(in, 16_000, 16_000);
        assertArrayEquals(in, out);
        assertNotSame(in, out);
    }

    @Test
    void oneSampleBecomesOneSampleAndNothingStaysNothing() {
        assertEquals(1, Resampler.resample(new float[] {0.5f}, 44_100, 16_000).length);
        assertEquals(0, Resampler.resample(new float[0], 44_100, 16_000).length);
    }

    @Test
    void ratiosWithTooManyPhasesForATableGiveTheSameSine() {
        // 16001 / 44100 reduces to no smaller fraction: taps are computed per sample instead.
        float[] out = Resampler.resample(sine(1000, 44_100, 44_100), 44_100, 16_001);
        assertEquals(16_001, out.length);
        assertSine(out, 1000, 16_001);
    }
}
