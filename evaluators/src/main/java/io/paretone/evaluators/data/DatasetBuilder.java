package io.paretone.evaluators.data;

import io.paretone.spaces.check.Check;

/**
 * What every dataset's settings builder has: the seed (required), the clip length, the sample rate
 * (16 kHz) and the split (70 / 15 / 15). Each dataset's builder extends it and sets its own clip
 * length; the checks every dataset shares live in {@link #checkClip}.
 *
 * @param <B> the concrete builder, returned by every setter so calls chain
 */
public abstract class DatasetBuilder<B extends DatasetBuilder<B>> {
    /** Fewer samples than this make no usable clip (the quality proxy's FFT alone takes 512). */
    static final int MIN_CLIP_SAMPLES = 256;

    Long seed;
    double clipSeconds;
    int sampleRate = 16_000;
    SplitFractions fractions = SplitFractions.DEFAULT;

    DatasetBuilder(double clipSeconds) {
        this.clipSeconds = clipSeconds;
    }

    /** This builder, as its own type. */
    abstract B self();

    public B setSeed(long seed) {
        this.seed = seed;
        return self();
    }

    public B optClipSeconds(double clipSeconds) {
        this.clipSeconds = clipSeconds;
        return self();
    }

    public B optSampleRate(int sampleRate) {
        this.sampleRate = sampleRate;
        return self();
    }

    public B optSplitFractions(double train, double validation, double test) {
        this.fractions = new SplitFractions(train, validation, test);
        return self();
    }

    /** The seed, which {@code build()} needs; {@code what} says what it makes repeatable. */
    long requiredSeed(String what) {
        Check.that(seed != null, "seed", null, "is required: call setSeed so " + what + " can be made again");
        return seed;
    }

    /** Checks a clip length and sample rate as every dataset does. */
    static void checkClip(double clipSeconds, int sampleRate) {
        Check.positive("clipSeconds", clipSeconds);
        Check.atLeast("sampleRate", sampleRate, 4000);
        Check.that(
                clipSeconds * sampleRate >= MIN_CLIP_SAMPLES,
                "clipSeconds",
                clipSeconds,
                "gives fewer than " + MIN_CLIP_SAMPLES + " samples at " + sampleRate + " Hz; use a longer clip");
    }

    /** Samples in a clip of {@code clipSeconds} at {@code sampleRate}. */
    static int frames(double clipSeconds, int sampleRate) {
        return (int) Math.round(clipSeconds * sampleRate);
    }
}
