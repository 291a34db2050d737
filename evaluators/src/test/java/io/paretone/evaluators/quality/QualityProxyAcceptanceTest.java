package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.data.SynthNotesDataset;
import io.paretone.evaluators.data.SynthNotesSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy's acceptance criteria at default sizes (the default notes dataset, the default judge,
 * 32 clips of 0.25 s as a study judges them), for three seeds. Slow: each seed renders a dataset
 * and trains a judge. The same checks at CI size are in {@link JudgeQualityProxyTest}.
 */
@Tag("slow")
class QualityProxyAcceptanceTest {
    /** StudySettings' default number of judged clips. */
    private static final int CLIPS = 32;

    private static final double CLIP_SECONDS = 0.25;

    @TempDir
    Path cache;

    @Test
    void realAudioScoresNearOneNoiseNearZeroAndDegradationsFallStrictly() throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            AudioSplits data = new SynthNotesDataset(
                            SynthNotesSettings.builder().setSeed(seed).build())
                    .load(cache);
            int clipSamples = (int) Math.round(CLIP_SECONDS * data.sampleRate());

            long start = System.nanoTime();
            Judge judge = JudgeCache.loadOrTrain(
                    cache,
                    data,
                    clipSamples,
                    JudgeSettings.builder().setSeed(seed).build());
            double judgeSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "seed %d: judge trained in %.1f s, validation accuracy %s%n",
                    seed, judgeSeconds, judge.validationAccuracy());
            assertTrue(
                    judgeSeconds < 120, "the judge must train in under 2 minutes on the CPU: " + judgeSeconds + " s");
            JudgeQualityProxy proxy = JudgeQualityProxy.calibrate(judge, data, CLIPS, clipSamples, seed);

            // Held-out real audio off the calibration grid (see ProxyChecks.heldOutCrops).
            List<float[]> real = ProxyChecks.heldOutCrops(data, CLIPS, clipSamples, seed);
            QualityScore realScore = proxy.score(real.toArray(new float[0][]));
            System.out.println("seed " + seed + " held-out real off the calibration grid: " + realScore);
            assertTrue(realScore.percentMos() >= 0.95, "real audio must score within 0.05 of 1: " + realScore);

            double rms = ClipSets.rms(ClipSets.allCrops(ClipSets.samplesOf(data.validation()), clipSamples));
            QualityScore noise = proxy.score(
                    ClipSets.whiteNoise(CLIPS, clipSamples, rms, seed + 77).toArray(new float[0][]));
            System.out.println("seed " + seed + " fresh noise: " + noise);
            assertTrue(noise.percentMos() <= 0.05, "noise must score within 0.05 of 0: " + noise);

            ProxyChecks.noiseLadderFallsStrictly(proxy, real);
            ProxyChecks.lowPassLadderFallsStrictly(proxy, real, data.sampleRate());
            judge.close();
        }
    }
}
