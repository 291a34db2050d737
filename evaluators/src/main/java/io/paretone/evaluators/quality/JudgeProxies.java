package io.paretone.evaluators.quality;

import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.data.DataSplits;
import io.paretone.evaluators.data.image.ImageSplits;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The judge proxy of each domain, calibrated on a study's splits: {@link JudgeQualityProxy} for
 * audio, {@link ImageQualityProxy} for images. Both are built the same way (a judge network trained
 * on the training split, Fréchet distance on its embeddings and a class term, calibrated held-out
 * real = 1, noise = 0); this is the one place that picks by domain, so the search does not.
 */
public final class JudgeProxies {
    private JudgeProxies() {}

    /**
     * @param clipCount examples judged per candidate and per calibration set
     * @param clipValues values of each judged example ({@link DataSplits#judgedValues})
     * @param seed seeds the judge's training and the calibration noise
     * @param cacheDir where the judge is cached, so the next worker loads it
     * @throws IOException if the judge's cache cannot be read or written
     */
    public static QualityProxy calibrate(DataSplits data, int clipCount, int clipValues, long seed, Path cacheDir)
            throws IOException {
        if (data instanceof AudioSplits audio) {
            return JudgeQualityProxy.calibrate(
                    audio,
                    clipCount,
                    clipValues,
                    seed,
                    cacheDir,
                    JudgeSettings.builder().setSeed(seed).build());
        }
        if (data instanceof ImageSplits images) {
            return ImageQualityProxy.calibrate(images, clipCount, ImageQualityProxy.JUDGE_STEPS, seed, cacheDir);
        }
        throw new IllegalArgumentException("no judge proxy for data of domain " + data.domain());
    }
}
