package io.paretone.evaluators.quality;

import static io.paretone.evaluators.quality.SyntheticAudio.CLIP_SAMPLES;
import static io.paretone.evaluators.quality.SyntheticAudio.SAMPLE_RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.data.AudioClip;
import io.paretone.evaluators.data.AudioSplits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LogMelFrechetProxyTest {
    private static final int CLIPS = 8;

    private static List<float[]> reference;
    private static List<float[]> heldOut;
    private static List<float[]> independent;
    private static LogMelFrechetProxy proxy;

    @BeforeAll
    static void calibrate() {
        reference = SyntheticAudio.tones(64, 1);
        heldOut = SyntheticAudio.tones(CLIPS, 2);
        independent = SyntheticAudio.tones(CLIPS, 3);
        proxy = LogMelFrechetProxy.calibrate(SAMPLE_RATE, reference, heldOut, CLIPS, CLIP_SAMPLES, 42);
    }

    private static float[][] array(List<float[]> clips) {
        return clips.toArray(new float[0][]);
    }

    @Test
    void heldOutRealAudioScoresOne() {
        QualityScore score = proxy.score(array(heldOut));
        assertEquals(score.realDistance(), score.distance(), 1e-9);
        assertTrue(score.percentMos() > 0.9, () -> "held-out: " + score);
    }

    @Test
    void independentRealAudioScoresHigh() {
        for (long seed = 3; seed < 8; seed++) {
            QualityScore score = proxy.score(array(SyntheticAudio.tones(CLIPS, seed)));
            System.out.println("independent real, seed " + seed + ": " + score);
            assertTrue(score.percentMos() > 0.8, () -> "independent real: " + score);
        }
    }

    @Test
    void freshWhiteNoiseAtTheReferenceRmsScoresNearZero() {
        double rms = SyntheticAudio.rms(reference);
        QualityScore score = proxy.score(SyntheticAudio.whiteNoise(CLIPS, rms, 7));
        System.out.println("noise: " + score);
        assertTrue(score.percentMos() < 0.1, () -> "noise: " + score);
    }

    @Test
    void moreAdditiveNoiseGivesStrictlyLowerScores() {
        QualityScore clean = proxy.score(array(independent));
        QualityScore snr30 = proxy.score(SyntheticAudio.withNoise(independent, 30, 11));
        QualityScore snr10 = proxy.score(SyntheticAudio.withNoise(independent, 10, 11));
        QualityScore snr0 = proxy.score(SyntheticAudio.withNoise(independent, 0, 11));
        System.out.printf("clean %s%nsnr30 %s%nsnr10 %s%nsnr0 %s%n", clean, snr30, snr10, snr0);
        assertTrue(clean.distance() < snr30.distance());
        assertTrue(snr30.percentMos() > snr10.percentMos(), () -> snr30 + " vs " + snr10);
        assertTrue(snr10.percentMos() > snr0.percentMos(), () -> snr10 + " vs " + snr0);
    }

    @Test
    void silenceScoresLowAndFinite() {
        QualityScore score = proxy.score(new float[CLIPS][CLIP_SAMPLES]);
        System.out.println("silence: " + score);
        assertTrue(Double.isFinite(score.distance()), () -> "silence: " + score);
        assertTrue(score.percentMos() < 0.3, () -> "silence: " + score);
    }

    @Test
    void constantAndNonFiniteClipsGiveFiniteScores() {
        float[][] constant = new float[CLIPS][CLIP_SAMPLES];
        for (float[] clip : constant) {
            Arrays.fill(clip, 0.3f);
        }
        float[][] broken = new float[CLIPS][CLIP_SAMPLES];
        for (float[] clip : broken) {
            Arrays.fill(clip, Float.NaN);
            clip[0] = Float.POSITIVE_INFINITY;
            clip[1] = Float.NEGATIVE_INFINITY;
            clip[2] = Float.MAX_VALUE;
        }
        for (float[][] clips : List.of(constant, broken)) {
            QualityScore score = proxy.score(clips);
            assertTrue(Double.isFinite(score.distance()), score::toString);
            assertTrue(score.percentMos() >= 0 && score.percentMos() <= 1, score::toString);
        }
    }

    @Test
    void lowPassedAudioScoresBelowClean() {
        QualityScore clean = proxy.score(array(independent));
        QualityScore lowPassed = proxy.score(SyntheticAudio.lowPassed(independent));
        System.out.println("low-passed: " + lowPassed);
        assertTrue(lowPassed.percentMos() < clean.percentMos() - 0.1, () -> lowPassed + " vs " + clean);
    }

    @Test
    void hardClippedAudioScoresBelowClean() {
        QualityScore clean = proxy.score(array(independent));
        QualityScore clipped = proxy.score(SyntheticAudio.hardClipped(independent));
        System.out.println("clipped: " + clipped);
        assertTrue(clipped.percentMos() < clean.percentMos() - 0.1, () -> clipped + " vs " + clean);
    }

    @Test
    void framesShuffledInTimeScoreBelowTheOriginal() {
        // Pooled Gaussian statistics cannot see frame order; the flux term can. Reorder each clip in
        // blocks of one window (4 hops) so most frames keep their content but the smooth decay
        // becomes jumps (block edges also add clicks).
        int hop = proxy.features().hop();
        float[][] shuffled = new float[CLIPS][];
        for (int c = 0; c < CLIPS; c++) {
            float[] clip = independent.get(c);
            List<float[]> blocks = new ArrayList<>();
            for (int start = 0; start < clip.length; start += hop * 4) {
                blocks.add(Arrays.copyOfRange(clip, start, Math.min(clip.length, start + hop * 4)));
            }
            Collections.shuffle(blocks, new Random(c));
            shuffled[c] = new float[clip.length];
            int at = 0;
            for (float[] block : blocks) {
                System.arraycopy(block, 0, shuffled[c], at, block.length);
                at += block.length;
            }
        }
        QualityScore clean = proxy.score(array(independent));
        QualityScore score = proxy.score(shuffled);
        System.out.println("shuffled: " + score);
        assertTrue(score.distance() > clean.distance(), () -> score + " vs " + clean);
    }

    @Test
    void wrongClipCountIsRejectedNamingTheExpectedCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> proxy.score(new float[CLIPS - 1][CLIP_SAMPLES]));
        assertTrue(e.getMessage().contains("clipCount = " + CLIPS), e::getMessage);
    }

    @Test
    void wrongClipLengthIsRejectedNamingTheExpectedLength() {
        float[][] clips = new float[CLIPS][CLIP_SAMPLES];
        clips[3] = new float[CLIP_SAMPLES + 1];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> proxy.score(clips));
        assertTrue(e.getMessage().contains("generated[3]"), e::getMessage);
        assertTrue(e.getMessage().contains("clipSamples = " + CLIP_SAMPLES), e::getMessage);
    }

    @Test
    void silentDataCannotBeCalibrated() {
        List<float[]> silent = List.of(new float[CLIP_SAMPLES], new float[CLIP_SAMPLES]);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogMelFrechetProxy.calibrate(SAMPLE_RATE, silent, silent, 2, CLIP_SAMPLES, 1));
        assertTrue(e.getMessage().contains("too uniform"), e::getMessage);
    }

    @Test
    void splitsCalibrateWithValidationAsReferenceAndTestAsHeldOut() {
        List<AudioClip> validation = new ArrayList<>();
        reference.forEach(clip -> validation.add(new AudioClip(clip, "tone")));
        List<AudioClip> test = new ArrayList<>();
        heldOut.forEach(clip -> test.add(new AudioClip(clip, "tone")));
        AudioSplits splits = new AudioSplits("tones", SAMPLE_RATE, List.of(), validation, test, "hash");
        LogMelFrechetProxy fromSplits = LogMelFrechetProxy.calibrate(splits, CLIPS, CLIP_SAMPLES, 42);
        float[][] noisy = SyntheticAudio.withNoise(independent, 10, 5);
        assertEquals(proxy.score(noisy), fromSplits.score(noisy));
    }

    @Test
    void calibrationIsDeterministicForItsSeed() {
        LogMelFrechetProxy again =
                LogMelFrechetProxy.calibrate(SAMPLE_RATE, reference, heldOut, CLIPS, CLIP_SAMPLES, 42);
        float[][] noisy = SyntheticAudio.withNoise(independent, 10, 5);
        assertEquals(proxy.score(noisy), again.score(noisy));
    }

    @Test
    void fewerClipsThanNeededAreReusedAtLaterOffsets() {
        float[] ramp = new float[100];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i / 1000f;
        }
        float[] shortClip = {0.25f, -0.25f};
        List<float[]> crops = LogMelFrechetProxy.crops(List.of(ramp, shortClip), 5, 10);
        // Clips alternate; the ramp's pass 0 starts at 0, pass 1 at 10 / 2 = 5, pass 2 at 10.
        assertEquals(0f, crops.get(0)[0]);
        assertEquals(5 / 1000f, crops.get(2)[0]);
        assertEquals(10 / 1000f, crops.get(4)[0]);
        assertEquals(19 / 1000f, crops.get(4)[9]);
        // The short clip is zero-padded and repeats exactly.
        assertTrue(Arrays.equals(new float[] {0.25f, -0.25f, 0, 0, 0, 0, 0, 0, 0, 0}, crops.get(1)));
        assertTrue(Arrays.equals(crops.get(1), crops.get(3)));
    }

    @Test
    void scoringOneCandidateIsFast() {
        float[][] candidate = SyntheticAudio.withNoise(independent, 10, 3);
        for (int i = 0; i < 50; i++) {
            proxy.score(candidate);
        }
        int runs = 200;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            proxy.score(candidate);
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("score of %d clips x %d samples: %.3f ms%n", CLIPS, CLIP_SAMPLES, ms);
        assertTrue(ms < 100, () -> ms + " ms");
    }
}
