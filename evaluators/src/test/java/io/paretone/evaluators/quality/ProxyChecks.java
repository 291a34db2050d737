package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.data.AudioSplits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The degradation ladders the quality proxy must rank, shared by the quick and the slow tests. */
final class ProxyChecks {
    static final double[] SNR_DB = {40, 20, 10, 0};
    static final double[] LOW_PASS_HZ = {4000, 2000, 1000};

    private ProxyChecks() {}

    /**
     * N crops of the test split laid out as a calibration subset is (every other half-window
     * offset, clip by clip), each moved by a seeded random 1 to {@code clipSamples / 4} samples
     * inside its clip: held-out real audio of the anchor's kind, none of them a calibration window.
     */
    static List<float[]> heldOutCrops(AudioSplits data, int clips, int clipSamples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int hop = clipSamples / 2;
        List<int[]> grid = new ArrayList<>();
        for (int c = 0; c < data.test().size(); c++) {
            for (int offset = 0; offset + clipSamples <= data.test().get(c).samples().length; offset += hop) {
                grid.add(new int[] {c, offset});
            }
        }
        int start = random.nextInt(2);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < clips; i++) {
            int[] window = grid.get((start + 2 * i) % grid.size());
            float[] clip = data.test().get(window[0]).samples();
            int shift = 1 + random.nextInt(clipSamples / 4);
            int offset = window[1] + shift + clipSamples <= clip.length ? window[1] + shift : window[1] - shift;
            out.add(Arrays.copyOfRange(clip, offset, offset + clipSamples));
        }
        return out;
    }

    static double q(JudgeQualityProxy proxy, List<float[]> clips) {
        return proxy.score(clips.toArray(new float[0][])).percentMos();
    }

    /**
     * Clean, then white noise at SNR 40, 20, 10 and 0 dB: Q must fall at every step, except between
     * two sets that both score within the proxy's stated resolution of real ({@link #indistinguishable}).
     */
    static void noiseLadderFallsStrictly(JudgeQualityProxy proxy, List<float[]> clean) {
        QualityScore first = proxy.score(clean.toArray(new float[0][]));
        String trail = "clean " + first.percentMos();
        double previous = first.percentMos();
        for (double snr : SNR_DB) {
            double q = proxy.score(SyntheticAudio.withNoise(clean, snr, 11)).percentMos();
            trail += ", SNR " + snr + " dB " + q;
            assertTrue(q < previous || indistinguishable(previous, q, first.realSpread()), trail);
            previous = q;
        }
        System.out.println("noise ladder: " + trail);
    }

    /** Clean, then low-passed at 4, 2 and 1 kHz: Q must fall at every step (same exception as the noise ladder). */
    static void lowPassLadderFallsStrictly(JudgeQualityProxy proxy, List<float[]> clean, int sampleRate) {
        QualityScore first = proxy.score(clean.toArray(new float[0][]));
        String trail = "clean " + first.percentMos();
        double previous = first.percentMos();
        for (double hz : LOW_PASS_HZ) {
            double q =
                    proxy.score(SyntheticAudio.lowPassed(clean, hz, sampleRate)).percentMos();
            trail += ", low-pass " + hz + " Hz " + q;
            assertTrue(q < previous || indistinguishable(previous, q, first.realSpread()), trail);
            previous = q;
        }
        System.out.println("low-pass ladder: " + trail);
    }

    /**
     * Whether two scores both lie within two real-vs-real spreads of 1: the proxy states real as
     * {@code 1 +- s}, so it cannot order sets it cannot tell from real (clean held-out crops and
     * noise at 40 dB SNR swapped places by 0.001 in one CI run; spreads near 0.02 are typical).
     */
    static boolean indistinguishable(double a, double b, double realSpread) {
        double band = 1 - 2 * (Double.isFinite(realSpread) ? realSpread : 0);
        return a >= band && b >= band;
    }
}
