package io.paretone.spaces.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;

class LogPowerSpectrogramTest {

    /**
     * A sine of amplitude A on the centre of bin k of an N-point Hann window has |X[k]| = A N / 4
     * (the window sums to N / 2, and the sine contributes half its amplitude to each of bins k and
     * -k), so its log power there is log(1 + (A N / 4)^2).
     */
    @Test
    void logPowerOfASineOnABinCentreIsThatOfItsHannWeightedAmplitude() {
        int n = 64;
        int bin = 5;
        double amplitude = 0.3;
        float[] x = new float[16 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.cos(2 * Math.PI * bin * i / n));
        }
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.engine().getEngineName())) {
            NDArray spectrogram = LogPowerSpectrogram.of(m.create(x, new Shape(1, x.length)), n, n / 4);
            int middle = (int) spectrogram.getShape().get(2) / 2;
            float measured = spectrogram.get(0, bin, middle).getFloat();
            assertEquals(Math.log1p(Math.pow(amplitude * n / 4, 2)), measured, 1e-3);
        }
    }
}
