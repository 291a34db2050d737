package io.paretone.spaces.gansynth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import io.paretone.spaces.runtime.DjlRuntime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpectralImageTest {
    private static final int FFT = 64;
    private static final int FRAMES = 32;

    /** A cosine on the centre of bin k: k cycles per FFT window. */
    private static float[] cosine(int samples, double amplitude, int bin) {
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = (float) (amplitude * Math.cos(2 * Math.PI * bin * i / FFT + 0.3));
        }
        return x;
    }

    private static float pixel(float[] image, int channel, int frame, int bin) {
        return image[(channel * FRAMES + frame) * (FFT / 2) + bin];
    }

    /**
     * Magnitudes read 1 at full scale and 0 at -40 dB (the [-80, 0] dB range mapped onto [-1, 1]);
     * a stationary cosine on bin k advances its phase by 2 pi k / 4 per hop of N / 4, so its
     * instantaneous frequency reads wrap(k pi / 2) / pi: 0.5 on bin 1, -0.5 on bin 3.
     */
    @Test
    void magnitudeAndInstantaneousFrequencyOfCosinesOnBinCentres() {
        SpectralImage spectral = new SpectralImage(FFT, FRAMES, true);
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.engine().getEngineName())) {
            float[] loud = spectral.of(m, new float[][] {cosine(spectral.samples(), 1.0, 1)})
                    .toFloatArray();
            float[] quiet = spectral.of(m, new float[][] {cosine(spectral.samples(), 0.01, 3)})
                    .toFloatArray();
            int middle = FRAMES / 2;
            assertEquals(1.0, pixel(loud, 0, middle, 1), 1e-3);
            assertEquals(0.0, pixel(quiet, 0, middle, 3), 1e-3);
            assertEquals(0.5, pixel(loud, 1, middle, 1), 1e-3);
            assertEquals(-0.5, pixel(quiet, 1, middle, 3), 1e-3);
        }
    }

    @Test
    void audioThroughTheInstantaneousFrequencyImageAndBackIsTheSameAudio() {
        SpectralImage spectral = new SpectralImage(FFT, FRAMES, true);
        float[] x = cosine(spectral.samples(), 0.5, 5);
        float[] chirp = cosine(spectral.samples(), 0.3, 9);
        for (int i = 0; i < x.length; i++) {
            x[i] += chirp[i] * i / x.length;
        }
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.engine().getEngineName())) {
            float[] image = spectral.of(m, new float[][] {x}).toFloatArray();
            float[] back = spectral.audio(m, image, 1, new SplittableRandom(1))[0];
            double error = 0;
            double energy = 0;
            for (int i = FFT; i < x.length - FFT; i++) { // the edges lean on the reflected padding
                error += (back[i] - x[i]) * (back[i] - x[i]);
                energy += x[i] * x[i];
            }
            assertEquals(0, error / energy, 1e-3, "relative squared error");
        }
    }

    /**
     * Griffin-Lim finds a phase under which a cosine's magnitude image is drawn back: within 0.05 on
     * average (2 dB; the image spans 80 dB over 2) on the cosine's bin, away from the edges.
     */
    @Test
    void griffinLimAudioHasTheImagesMagnitudes() {
        SpectralImage spectral = new SpectralImage(FFT, FRAMES, false);
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.engine().getEngineName())) {
            float[] image = spectral.of(m, new float[][] {cosine(spectral.samples(), 0.5, 4)})
                    .toFloatArray();
            float[] back = spectral.audio(m, image, 1, new SplittableRandom(2))[0];
            float[] again = spectral.of(m, new float[][] {back}).toFloatArray();
            double difference = 0;
            for (int t = 4; t < FRAMES - 4; t++) {
                difference += Math.abs(pixel(image, 0, t, 4) - pixel(again, 0, t, 4)) / (FRAMES - 8);
            }
            assertEquals(0, difference, 0.05);
        }
    }
}
