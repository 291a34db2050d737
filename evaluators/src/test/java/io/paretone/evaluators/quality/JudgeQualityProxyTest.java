package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.data.AudioClip;
import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.data.SynthNotesDataset;
import io.paretone.evaluators.data.SynthNotesSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judge proxy on a small notes dataset (96 notes of three timbres, a judge trained for 150
 * steps, 16 clips of 0.25 s): the acceptance checks at CI size. Real audio that must score near 1
 * is never the calibration's: held-out crops at offsets the calibration never cut. (An independent
 * rendering is no good here: with the data's velocities a third of its notes are sample for sample
 * training notes for their first 0.25 s, copies; with other velocities it is other, louder or
 * softer, audio.) The same checks at default sizes are in {@link QualityProxyAcceptanceTest}, tagged slow.
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
        data = new SynthNotesDataset(SynthNotesSettings.builder()
                        .setSeed(7)
                        .optNotes(96)
                        .optPrograms(0, 73, 56)
                        .build())
                .load(cache);
        judgeSettings = JudgeSettings.builder().setSeed(7).optSteps(150).build();
        proxy = JudgeQualityProxy.calibrate(data, CLIPS, CLIP_SAMPLES, 7, cache, judgeSettings);
        System.out.println(proxy.description());
    }

    /** The audio ladder of {@link Ladders#audio}, built by rules from held-out real crops, for three seeds. */
    @Test
    void plausibleFailuresRankBelowDegradedRealAudioAndStructuredOnesScoreAtMostPointThree() {
        for (long seed = 1; seed <= 3; seed++) {
            System.out.println("audio ladder, seed " + seed);
            Ladders.audio(data, CLIPS, CLIP_SAMPLES, seed).assertOrdered(r -> proxy.score(r.examples()));
        }
    }

    /**
     * Worse than noise, the objective still orders what the bounded %MOS ties at about 0: noise with
     * the data's spectrum (the lower anchor's own recipe, fresh seeds) scores about 1; white noise
     * at the clips' RMS, which has the data's level but not its spectrum, lies beyond it; silence,
     * which has neither, beyond that.
     */
    @Test
    void theObjectiveOrdersSetsWorseThanNoiseThatTheBoundedScoreTies() {
        QualityScore silence = proxy.score(new float[CLIPS][CLIP_SAMPLES]);
        for (long seed = 1; seed <= 3; seed++) {
            List<float[]> real = heldOutCrops(seed);
            QualityScore spectrum = proxy.score(ClipSets.spectrumNoise(real, CLIPS, CLIP_SAMPLES, 500 + seed)
                    .toArray(new float[0][]));
            QualityScore white =
                    proxy.score(AudioFailures.whiteNoise(real, 600 + seed).toArray(new float[0][]));
            System.out.printf(
                    "objective 1 - %%MOS, seed %d: spectrum noise %.3f, white noise %.3f (bounded %%MOS %.3f),"
                            + " silence %.3f (bounded %.3f)%n",
                    seed,
                    spectrum.oneMinusPercentMos(),
                    white.oneMinusPercentMos(),
                    white.percentMos(),
                    silence.oneMinusPercentMos(),
                    silence.percentMos());
            assertTrue(white.percentMos() <= 0.05 && silence.percentMos() <= 0.05, white + " / " + silence);
            assertTrue(white.oneMinusPercentMos() > spectrum.oneMinusPercentMos(), white + " / " + spectrum);
            assertTrue(silence.oneMinusPercentMos() > white.oneMinusPercentMos(), silence + " / " + white);
        }
    }

    @Test
    void theFundamentalOfASteadyToneIsFoundWithinOneLagStep() {
        // 440 Hz at 16 kHz: a period of 36.4 samples, found as lag 36 (444 Hz) or 37 (432 Hz).
        float[] tone = new float[CLIP_SAMPLES];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float)
                    (0.4 * Math.sin(2 * Math.PI * 440 * i / 16000.0) + 0.2 * Math.sin(2 * Math.PI * 880 * i / 16000.0));
        }
        assertEquals(440, AudioFailures.fundamental(tone, 16000), 12);
    }

    private static List<float[]> heldOutCrops(long seed) {
        return ProxyChecks.heldOutCrops(data, CLIPS, CLIP_SAMPLES, seed);
    }

    @Test
    void heldOutRealCropsOffTheCalibrationGridScoreAtLeastPointNineFiveForThreeSeeds() {
        for (long seed = 1; seed <= 3; seed++) {
            QualityScore score = proxy.score(heldOutCrops(seed).toArray(new float[0][]));
            System.out.printf(
                    "real vs real, seed %d: %.3f (raw %.3f, real = 1 +- %.3f)%n",
                    seed, score.percentMos(), score.rawPercentMos(), score.realSpread());
            assertTrue(score.percentMos() >= 0.95, score.toString());
            assertEquals(0, score.memorisedClips(), score.toString());
        }
    }

    @Test
    void theRealAnchorAveragesDisjointSubsetsAndStoresTheirSpread() {
        // The test split: round(96 x 0.15) = 14 notes of 8000 samples: 2 non-overlapping windows of 4000 each
        // (28 < 2 x 16), so half-overlapping ones, 3 per note: 42 windows, 2 subsets of 16.
        assertEquals(14, data.test().size());
        assertEquals(2, proxy.anchors().subsets());
        QualityScore score = proxy.score(new float[CLIPS][CLIP_SAMPLES]);
        assertTrue(score.realSpread() > 0 && score.realSpread() < 0.1, score.toString());
        assertTrue(
                proxy.description()
                        .contains(String.format(
                                java.util.Locale.ROOT, "real = 1 +- %.3f over 2 disjoint", score.realSpread())),
                proxy.description());
    }

    @Test
    void copiedTrainingClipsAndModeCollapseScoreLow() {
        List<float[]> copies = ClipSets.crops(ClipSets.samplesOf(data.train()), CLIPS, CLIP_SAMPLES);
        QualityScore copied = proxy.score(copies.toArray(new float[0][]));
        assertEquals(CLIPS, copied.memorisedClips(), copied.toString());
        assertTrue(copied.percentMos() <= 0.05, "16 copied training clips: " + copied);

        float[][] collapsed = new float[CLIPS][];
        for (int i = 0; i < CLIPS; i++) {
            collapsed[i] = copies.get(0).clone();
        }
        QualityScore mode = proxy.score(collapsed);
        assertTrue(mode.percentMos() <= 0.2, "one training clip 16 times: " + mode);

        QualityScore silence = proxy.score(new float[CLIPS][CLIP_SAMPLES]);
        assertEquals(0, silence.percentMos(), 1e-9, "silence: " + silence);
        QualityScore validation = proxy.score(ClipSets.crops(ClipSets.samplesOf(data.validation()), CLIPS, CLIP_SAMPLES)
                .toArray(new float[0][]));
        System.out.printf(
                "copies %.3f, mode collapse %.3f (%d memorised), silence %.3f, validation crops %.3f (raw %.3f)%n",
                copied.percentMos(),
                mode.percentMos(),
                mode.memorisedClips(),
                silence.percentMos(),
                validation.percentMos(),
                validation.rawPercentMos());
    }

    @Test
    void heldOutClipsAtOtherOffsetsAreNotFlaggedAsMemorised() {
        // Quarter-window offsets: crops the calibration never cut, of the test and validation splits.
        for (List<AudioClip> split : List.of(data.test(), data.validation())) {
            List<float[]> shifted = new ArrayList<>();
            for (float[] clip : ClipSets.samplesOf(split)) {
                shifted.addAll(ClipSets.windows(
                        List.of(Arrays.copyOfRange(clip, CLIP_SAMPLES / 4, clip.length)),
                        CLIP_SAMPLES,
                        CLIP_SAMPLES / 2));
            }
            for (int from = 0; from + CLIPS <= shifted.size(); from += CLIPS) {
                QualityScore score =
                        proxy.score(shifted.subList(from, from + CLIPS).toArray(new float[0][]));
                assertEquals(0, score.memorisedClips(), score.toString());
            }
        }
    }

    @Test
    void theJudgeLearnedTheInstrumentsBetterThanChance() {
        List<Double> accuracy = proxy.judge().validationAccuracy();
        assertEquals(List.of("instrument", "pitch"), proxy.judge().vocabulary().facets());
        assertTrue(accuracy.get(0) > 2.0 / 3, "three instruments, chance 1/3: " + accuracy);
    }

    @Test
    void addedNoiseLowersQAtEveryStep() {
        ProxyChecks.noiseLadderFallsStrictly(proxy, heldOutCrops(1));
    }

    @Test
    void lowPassingLowersQAtEveryStep() {
        ProxyChecks.lowPassLadderFallsStrictly(proxy, heldOutCrops(1), data.sampleRate());
    }

    @Test
    void freshWhiteNoiseAtTheDataLoudnessScoresNearZero() {
        double rms = ClipSets.rms(ClipSets.allCrops(ClipSets.samplesOf(data.validation()), CLIP_SAMPLES));
        for (long seed = 100; seed < 103; seed++) {
            QualityScore score = proxy.score(
                    ClipSets.whiteNoise(CLIPS, CLIP_SAMPLES, rms, seed).toArray(new float[0][]));
            assertTrue(score.percentMos() <= 0.05, score.toString());
        }
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

    /**
     * Held-out real crops with their own labels, and the same crops asked for the labels of another
     * held-out clip that differs in every facet (instrument and pitch): wrong-class clips.
     */
    @Test
    void clipsOfAnotherClassThanAskedScoreAtMostPointThree() {
        List<AudioClip> clips = data.test();
        List<float[]> samples = new ArrayList<>();
        List<Map<String, String>> asked = new ArrayList<>();
        List<Map<String, String>> wrong = new ArrayList<>();
        for (int i = 0; i < CLIPS; i++) {
            AudioClip clip = clips.get(i % clips.size());
            samples.add(Arrays.copyOfRange(clip.samples(), CLIP_SAMPLES / 4, CLIP_SAMPLES / 4 + CLIP_SAMPLES));
            asked.add(clip.labels());
            Map<String, String> other = clip.labels();
            for (int k = 1; k < clips.size() && other == clip.labels(); k++) {
                Map<String, String> candidate =
                        clips.get((i + k) % clips.size()).labels();
                boolean allDiffer = candidate.keySet().stream()
                        .noneMatch(f -> candidate.get(f).equals(clip.labels().get(f)));
                other = allDiffer ? candidate : other;
            }
            wrong.add(other);
        }
        float[][] real = samples.toArray(new float[0][]);
        QualityScore right = proxy.scoreConditional(real, asked);
        QualityScore missed = proxy.scoreConditional(real, wrong);
        System.out.printf(
                "conditional: labels asked %.3f, another class asked %.3f%n", right.percentMos(), missed.percentMos());
        assertTrue(right.percentMos() >= 0.8, right.toString());
        assertTrue(missed.percentMos() <= Ladder.STRUCTURED_AT_MOST, missed.toString());
    }

    @Test
    void aJudgeWithoutLabelsSaysItIsUntrainedAndDropsTheClassTerm(@TempDir Path other) throws IOException {
        List<List<AudioClip>> splits = new ArrayList<>();
        for (List<AudioClip> split : List.of(data.train(), data.validation(), data.test())) {
            splits.add(
                    split.stream().map(c -> new AudioClip(c.samples(), "note")).toList());
        }
        AudioSplits unlabelled =
                new AudioSplits("unlabelled", data.sampleRate(), splits.get(0), splits.get(1), splits.get(2), "0");
        JudgeQualityProxy untrained = JudgeQualityProxy.calibrate(
                unlabelled,
                CLIPS,
                CLIP_SAMPLES,
                7,
                other,
                JudgeSettings.builder().setSeed(7).optSteps(2).build());
        assertFalse(untrained.judge().trained());
        assertTrue(
                untrained.description().startsWith("UNTRAINED judge")
                        && untrained.description().contains(Judge.UNTRAINED),
                untrained.description());
        QualityScore score = untrained.score(ClipSets.crops(ClipSets.samplesOf(data.train()), CLIPS, CLIP_SAMPLES)
                .toArray(new float[0][]));
        assertFalse(score.term(JudgeQualityProxy.CLASS).informative(), score.toString());
        assertTrue(untrained.description().contains("term class_score dropped"), untrained.description());
    }

    @Test
    void theJudgeIsTrainedOnceAndReloadedWithTheSameWeights() throws IOException {
        Path folder = JudgeCache.folder(cache, data, CLIP_SAMPLES, judgeSettings);
        long modified =
                Files.getLastModifiedTime(folder.resolve(JudgeCache.METADATA)).toMillis();
        JudgeQualityProxy again = JudgeQualityProxy.calibrate(data, CLIPS, CLIP_SAMPLES, 7, cache, judgeSettings);

        assertEquals(proxy.judge().weightsSha256(), again.judge().weightsSha256());
        assertEquals(64, again.judge().weightsSha256().length());
        assertEquals(
                modified,
                Files.getLastModifiedTime(folder.resolve(JudgeCache.METADATA)).toMillis());
        float[][] noisy = SyntheticAudio.withNoise(
                ClipSets.crops(ClipSets.samplesOf(data.validation()), CLIPS, CLIP_SAMPLES), 10, 3);
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

        IOException e = assertThrows(
                IOException.class, () -> JudgeQualityProxy.calibrate(data, CLIPS, CLIP_SAMPLES, 7, other, tiny));
        assertTrue(e.getMessage().contains("SHA-256") && e.getMessage().contains("delete the folder"), e.getMessage());
    }

    @Test
    void scoringOneCandidateTakesMilliseconds() {
        float[][] candidate = SyntheticAudio.withNoise(
                ClipSets.crops(ClipSets.samplesOf(data.validation()), CLIPS, CLIP_SAMPLES), 10, 3);
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
