package io.paretone.search.testing;

import io.paretone.evaluators.data.AudioClip;
import io.paretone.evaluators.data.AudioDataset;
import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.data.ContentHash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A tiny deterministic dataset: decaying tones at a few pitches with a little noise, 16 kHz. */
public final class SineDataset implements AudioDataset {
    public static final int SAMPLE_RATE = 16_000;

    @Override
    public String name() {
        return "sines";
    }

    @Override
    public AudioSplits load(Path cacheDir) {
        SplittableRandom random = new SplittableRandom(5);
        List<AudioClip> train = new ArrayList<>();
        List<AudioClip> validation = new ArrayList<>();
        List<AudioClip> test = new ArrayList<>();
        double[] pitches = {220, 277, 330, 440, 554, 660};
        for (int i = 0; i < 12; i++) {
            double hz = pitches[i % pitches.length];
            float[] x = new float[SAMPLE_RATE / 4];
            for (int t = 0; t < x.length; t++) {
                x[t] = (float) (0.5 * Math.exp(-4.0 * t / x.length) * Math.sin(2 * Math.PI * hz * t / SAMPLE_RATE)
                        + 0.01 * random.nextGaussian());
            }
            AudioClip clip = new AudioClip(x, "tone-" + (int) hz);
            (i < 8 ? train : i < 10 ? validation : test).add(clip);
        }
        return new AudioSplits(name(), SAMPLE_RATE, train, validation, test, ContentHash.of(train, validation, test));
    }
}
