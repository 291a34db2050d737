package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** The degradation ladders the quality proxy must rank, shared by the quick and the slow tests. */
final class ProxyChecks {
    static final double[] SNR_DB = {40, 20, 10, 0};
    static final double[] LOW_PASS_HZ = {4000, 2000, 1000};

    private ProxyChecks() {}

    static double q(JudgeQualityProxy proxy, List<float[]> clips) {
        return proxy.score(clips.toArray(new float[0][])).percentMos();
    }

    /** Clean, then white noise at SNR 40, 20, 10 and 0 dB: Q must fall at every step. */
    static void noiseLadderFallsStrictly(JudgeQualityProxy proxy, List<float[]> clean) {
        String trail = "clean " + q(proxy, clean);
        double previous = q(proxy, clean);
        for (double snr : SNR_DB) {
            double q = proxy.score(SyntheticAudio.withNoise(clean, snr, 11)).percentMos();
            trail += ", SNR " + snr + " dB " + q;
            assertTrue(q < previous, trail);
            previous = q;
        }
        System.out.println("noise ladder: " + trail);
    }

    /** Clean, then low-passed at 4, 2 and 1 kHz: Q must fall at every step. */
    static void lowPassLadderFallsStrictly(JudgeQualityProxy proxy, List<float[]> clean, int sampleRate) {
        String trail = "clean " + q(proxy, clean);
        double previous = q(proxy, clean);
        for (double hz : LOW_PASS_HZ) {
            double q = proxy.score(SyntheticAudio.lowPassed(clean, hz, sampleRate)).percentMos();
            trail += ", low-pass " + hz + " Hz " + q;
            assertTrue(q < previous, trail);
            previous = q;
        }
        System.out.println("low-pass ladder: " + trail);
    }
}
