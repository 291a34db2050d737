package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClipSetsTest {
    @Test
    void fewerClipsThanNeededAreReusedAtLaterOffsets() {
        float[] ramp = new float[100];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i / 1000f;
        }
        float[] shortClip = {0.25f, -0.25f};
        List<float[]> crops = ClipSets.crops(List.of(ramp, shortClip), 5, 10);
        // Clips alternate; the ramp's pass 0 starts at 0, pass 1 at 10 / 2 = 5, pass 2 at 10.
        assertEquals(0f, crops.get(0)[0]);
        assertEquals(5 / 1000f, crops.get(2)[0]);
        assertEquals(10 / 1000f, crops.get(4)[0]);
        assertEquals(19 / 1000f, crops.get(4)[9]);
        // The short clip is zero-padded and repeats exactly.
        assertArrayEquals(new float[] {0.25f, -0.25f, 0, 0, 0, 0, 0, 0, 0, 0}, crops.get(1));
        assertArrayEquals(crops.get(1), crops.get(3));
    }

    @Test
    void allCropsTakesEveryHalfOverlappingWindowThatFits() {
        float[] ramp = new float[25];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i / 100f;
        }
        List<float[]> windows = ClipSets.allCrops(List.of(ramp, new float[3]), 10);
        // Starts 0, 5, 10, 15 fit in 25 samples; 20 does not. The 3-sample clip gives one padded window.
        assertEquals(5, windows.size());
        assertEquals(0.15f, windows.get(3)[0]);
        assertEquals(0.24f, windows.get(3)[9]);
        assertEquals(10, windows.get(4).length);
    }

    @Test
    void whiteNoiseHasTheRmsAskedFor() {
        List<float[]> noise = ClipSets.whiteNoise(4, 10_000, 0.2, 7);
        assertEquals(0.2, ClipSets.rms(noise), 0.002, "40000 Gaussian samples: relative error about 0.4 %");
    }

    @Test
    void sanitisingTurnsNanToZeroAndClampsToUnitRange() {
        float[] clip = {Float.NaN, 2f, -3f, 0.5f, Float.NEGATIVE_INFINITY};
        assertArrayEquals(new float[] {0f, 1f, -1f, 0.5f, -1f}, ClipSets.sanitised(clip));
    }

    @Test
    void wrongClipCountIsRejectedNamingTheExpectedCount() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ClipSets.checkedCopies(new float[3][10], 4, 10));
        assertTrue(e.getMessage().contains("clipCount = 4"), e::getMessage);
    }

    @Test
    void wrongClipLengthIsRejectedNamingTheClip() {
        float[][] clips = new float[4][10];
        clips[2] = new float[11];
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ClipSets.checkedCopies(clips, 4, 10));
        assertTrue(
                e.getMessage().contains("generated[2]") && e.getMessage().contains("clipSamples = 10"), e::getMessage);
    }

    @Test
    void noiseWithTheDataSpectrumHasItsLoudnessAndItsDominantFrequency() {
        // A 1 kHz tone at 16 kHz: the noise's power must sit around 1 kHz, at the tone's RMS.
        float[] tone = new float[1024];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 1000 * i / 16000.0));
        }
        List<float[]> noise = ClipSets.spectrumNoise(List.of(tone), 4, 1024, 5);
        assertEquals(ClipSets.rms(List.of(tone)), ClipSets.rms(noise), 1e-4);
        Fft fft = new Fft(1024);
        double near = 0;
        double all = 0;
        for (float[] clip : noise) {
            double[] re = new double[1024];
            double[] im = new double[1024];
            for (int i = 0; i < 1024; i++) {
                re[i] = clip[i];
            }
            fft.transform(re, im);
            for (int k = 0; k < 512; k++) {
                double p = re[k] * re[k] + im[k] * im[k];
                all += p;
                near += Math.abs(k - 64) <= 3 ? p : 0; // bin 64 = 1 kHz
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(near / all > 0.9, "share of power near 1 kHz: " + near / all);
    }

    @Test
    void windowsCutEveryHopWhileAWholeWindowFits() {
        // 10 samples, windows of 4 every 3: offsets 0, 3, 6 (9 + 4 > 10 stops).
        float[] clip = new float[10];
        for (int i = 0; i < 10; i++) {
            clip[i] = i / 10f;
        }
        List<float[]> w = ClipSets.windows(List.of(clip), 4, 3);
        assertEquals(3, w.size());
        assertEquals(0.6f, w.get(2)[0], 1e-6);
    }
}
