package io.paretone.evaluators.quality;

import static io.paretone.evaluators.quality.SyntheticAudio.SAMPLE_RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogMelStatisticsTest {
    private static final LogMelSpectrogram FEATURES = LogMelSpectrogram.forSampleRate(SAMPLE_RATE);

    @Test
    void diagonalFrechetDistanceByHand() {
        // Vectors (0, 0) and (2, 4): mean (1, 2), std (1, 2). Against (1, 1) alone: mean (1, 1), std (0, 0).
        DiagonalGaussian a = DiagonalGaussian.fit(new double[][] {{0, 0}, {2, 4}});
        DiagonalGaussian b = DiagonalGaussian.fit(new double[][] {{1, 1}});
        assertArrayEqualsExactly(new double[] {1, 2}, a.mean());
        assertArrayEqualsExactly(new double[] {1, 2}, a.std());
        // (1-1)^2 + (2-1)^2 + (1-0)^2 + (2-0)^2 = 0 + 1 + 1 + 4.
        assertEquals(6, a.frechetDistance(b), 1e-12);
        assertEquals(6, b.frechetDistance(a), 1e-12);
    }

    private static void assertArrayEqualsExactly(double[] expected, double[] actual) {
        assertTrue(Arrays.equals(expected, actual), Arrays.toString(actual));
    }

    @Test
    void aSetIsAtDistanceZeroFromItself() {
        List<float[]> tones = SyntheticAudio.tones(4, 1);
        assertEquals(0, LogMelStatistics.of(FEATURES, tones).distance(LogMelStatistics.of(FEATURES, tones)), 1e-12);
    }

    @Test
    void framesShuffledInTimeAreFartherThanTheOriginal() {
        // Pooled Gaussian statistics cannot see frame order; the flux term can. Reorder each clip in
        // blocks of one window (4 hops) so most frames keep their content but the smooth decay
        // becomes jumps.
        List<float[]> reference = SyntheticAudio.tones(32, 1);
        List<float[]> clips = SyntheticAudio.tones(8, 3);
        int block = FEATURES.hop() * 4;
        List<float[]> shuffled = new ArrayList<>();
        for (int c = 0; c < clips.size(); c++) {
            float[] clip = clips.get(c);
            List<float[]> blocks = new ArrayList<>();
            for (int start = 0; start < clip.length; start += block) {
                blocks.add(Arrays.copyOfRange(clip, start, Math.min(clip.length, start + block)));
            }
            Collections.shuffle(blocks, new Random(c));
            float[] out = new float[clip.length];
            int at = 0;
            for (float[] b : blocks) {
                System.arraycopy(b, 0, out, at, b.length);
                at += b.length;
            }
            shuffled.add(out);
        }
        LogMelStatistics ref = LogMelStatistics.of(FEATURES, reference);
        double clean = LogMelStatistics.of(FEATURES, clips).distance(ref);
        double jumbled = LogMelStatistics.of(FEATURES, shuffled).distance(ref);
        assertTrue(jumbled > clean, jumbled + " vs " + clean);
    }

    @Test
    void moreNoiseIsFarther() {
        List<float[]> reference = SyntheticAudio.tones(32, 1);
        List<float[]> clips = SyntheticAudio.tones(8, 3);
        LogMelStatistics ref = LogMelStatistics.of(FEATURES, reference);
        double previous = LogMelStatistics.of(FEATURES, clips).distance(ref);
        for (double snr : new double[] {30, 10, 0}) {
            double d = LogMelStatistics.of(FEATURES, Arrays.asList(SyntheticAudio.withNoise(clips, snr, 11)))
                    .distance(ref);
            assertTrue(d > previous, "SNR " + snr + ": " + d + " vs " + previous);
            previous = d;
        }
    }
}
