package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.data.SynthNotesDataset;
import io.paretone.evaluators.data.SynthNotesSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judge proxy on a small notes dataset (96 notes of three timbres, a judge trained for 150
 * steps, 16 clips of 0.25 s): what it must get right even when small. The full-size acceptance
 * checks (three seeds, default sizes) are in {@link QualityProxyAcceptanceTest}, tagged slow.
 */
class JudgeQualityProxyTest {
    private static final int CLIPS = 16;
    private static final int CLIP_SAMPLES = 4000;

    @TempDir
    static Path cache;

    private static AudioSplits data;
    private static JudgeSettings judgeSettings;
    private static JudgeQualityProxy proxy;

    @BeforeAll
    static void calibrate() throws IOException {
        data = new SynthNotesDataset(SynthNotesSettings.builder().setSeed(7).optNotes(96).optPrograms(0, 73, 56).build())
                .load(cache);
        judgeSettings = JudgeSettings.builder().setSeed(7).optSteps(150).build();
        proxy = JudgeQualityProxy.calibrate(data, CLIPS, CLIP_SAMPLES, 7, cache, judgeSettings);
        System.out.println(proxy.description());
    }

    @Test
    void theJudgeLearnedTheInstrumentsBetterThanChance() {
        List<Double> accuracy = proxy.judge().validationAccuracy();
        assertEquals(List.of("instrument", "pitch"), proxy.judge().vocabulary().facets());
        assertTrue(accuracy.get(0) > 2.0 / 3, "three instruments, chance 1/3: " + accuracy);
    }

    @Test
    void heldOutRealAudioScoresOneOnEveryTerm() {
        QualityScore score = proxy.score(ProxyChecks.heldOut(data, proxy).toArray(new float[0][]));
        for (QualityTerm term : score.terms()) {
            assertTrue(term.informative(), term.toString());
            assertEquals(1, term.scaled(), 1e-12, term.toString());
        }
    }

    @Test
    void addedNoiseLowersQAtEveryStep() {
        ProxyChecks.noiseLadderFallsStrictly(proxy, ProxyChecks.heldOut(data, proxy));
    }

    @Test
    void lowPassingLowersQAtEveryStep() {
        ProxyChecks.lowPassLadderFallsStrictly(proxy, ProxyChecks.heldOut(data, proxy), data.sampleRate());
    }

    @Test
    void freshWhiteNoiseAtTheDataLoudnessScoresNearZero() {
        double rms = ClipSets.rms(ClipSets.allCrops(ClipSets.samplesOf(data.validation()), CLIP_SAMPLES));
        for (long seed = 100; seed < 103; seed++) {
            QualityScore score = proxy.score(ClipSets.whiteNoise(CLIPS, CLIP_SAMPLES, rms, seed).toArray(new float[0][]));
            assertTrue(score.percentMos() <= 0.05, score.toString());
        }
    }

    @Test
    void copiesOfTrainingClipsAreFlaggedAsMemorisedAndHeldOutClipsAreNot() {
        List<float[]> copies = ClipSets.crops(ClipSets.samplesOf(data.train()), CLIPS, CLIP_SAMPLES);
        QualityScore copied = proxy.score(copies.toArray(new float[0][]));
        assertEquals(CLIPS, copied.memorisedClips(), copied.toString());
        assertEquals(0, copied.nearestTrainingDistance(), 1e-3, "an exact training window");

        QualityScore heldOut = proxy.score(ProxyChecks.heldOut(data, proxy).toArray(new float[0][]));
        assertEquals(0, heldOut.memorisedClips(), heldOut.toString());
    }

    @Test
    void silenceAndBrokenSamplesScoreFiniteAndLow() {
        float[][] silent = new float[CLIPS][CLIP_SAMPLES];
        float[][] broken = new float[CLIPS][CLIP_SAMPLES];
        for (float[] clip : broken) {
            Arrays.fill(clip, Float.NaN);
            clip[0] = Float.POSITIVE_INFINITY;
            clip[1] = Float.NEGATIVE_INFINITY;
        }
        for (float[][] clips : List.of(silent, broken)) {
            QualityScore score = proxy.score(clips);
            assertTrue(score.percentMos() >= 0 && score.percentMos() < 0.5, score.toString());
            score.terms().forEach(t -> assertTrue(Double.isFinite(t.value()), t.toString()));
        }
    }

    @Test
    void conditionalScoringRewardsTheLabelsAskedFor() {
        float[][] real = ProxyChecks.heldOut(data, proxy).toArray(new float[0][]);
        QualityScore right = proxy.scoreConditional(real, proxy.realLabels());
        assertEquals(1, right.term(JudgeQualityProxy.CLASS).scaled(), 1e-12, right.toString());

        // Ask every clip for an instrument it is not: the same audio now mostly misses.
        List<Map<String, String>> wrong = new ArrayList<>();
        for (Map<String, String> labels : proxy.realLabels()) {
            Map<String, String> w = new HashMap<>(labels);
            w.put("instrument", labels.get("instrument").equals("0") ? "73" : "0");
            wrong.add(w);
        }
        QualityScore missed = proxy.scoreConditional(real, wrong);
        assertTrue(missed.term(JudgeQualityProxy.CLASS).value() < right.term(JudgeQualityProxy.CLASS).value() - 0.3,
                missed + " vs " + right);
    }

    @Test
    void theJudgeIsTrainedOnceAndReloadedWithTheSameWeights() throws IOException {
        Path folder = JudgeCache.folder(cache, data, CLIP_SAMPLES, judgeSettings);
        long modified = Files.getLastModifiedTime(folder.resolve(JudgeCache.METADATA)).toMillis();
        JudgeQualityProxy again = JudgeQualityProxy.calibrate(data, CLIPS, CLIP_SAMPLES, 7, cache, judgeSettings);

        assertEquals(proxy.judge().weightsSha256(), again.judge().weightsSha256());
        assertEquals(64, again.judge().weightsSha256().length());
        assertEquals(modified, Files.getLastModifiedTime(folder.resolve(JudgeCache.METADATA)).toMillis());
        float[][] noisy = SyntheticAudio.withNoise(ProxyChecks.heldOut(data, proxy), 10, 3);
        assertEquals(proxy.score(noisy), again.score(noisy), "the reloaded judge scores identically");
    }

    @Test
    void damagedJudgeWeightsAreReportedNotUsed(@TempDir Path other) throws IOException {
        JudgeSettings tiny = JudgeSettings.builder().setSeed(1).optSteps(2).build();
        JudgeQualityProxy.calibrate(data, CLIPS, CLIP_SAMPLES, 7, other, tiny);
        Path weights = JudgeCache.folder(other, data, CLIP_SAMPLES, tiny).resolve("judge-0000.params");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(weights, bytes);

        IOException e = assertThrows(IOException.class,
                () -> JudgeQualityProxy.calibrate(data, CLIPS, CLIP_SAMPLES, 7, other, tiny));
        assertTrue(e.getMessage().contains("SHA-256") && e.getMessage().contains("delete the folder"), e.getMessage());
    }

    @Test
    void scoringOneCandidateTakesMilliseconds() {
        float[][] candidate = SyntheticAudio.withNoise(ProxyChecks.heldOut(data, proxy), 10, 3);
        for (int i = 0; i < 5; i++) {
            proxy.score(candidate);
        }
        long start = System.nanoTime();
        int runs = 20;
        for (int i = 0; i < runs; i++) {
            proxy.score(candidate);
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("score of %d clips x %d samples: %.1f ms%n", CLIPS, CLIP_SAMPLES, ms);
        assertTrue(ms < 1000, ms + " ms");
    }
}
