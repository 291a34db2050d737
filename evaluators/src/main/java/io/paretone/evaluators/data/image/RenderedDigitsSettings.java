package io.paretone.evaluators.data.image;

import io.paretone.spaces.check.Check;

/**
 * How many rendered digits per class go to each split, and the seed that makes them.
 *
 * @param seed the same seed (with the same installed fonts) gives the same images
 */
public record RenderedDigitsSettings(long seed, int trainPerClass, int validationPerClass, int testPerClass) {
    /** The default sizes: 2000 training digits and 200 each to validate and test; rendering takes about a second. */
    public static final int TRAIN_PER_CLASS = 200;

    public static final int HELD_OUT_PER_CLASS = 20;

    public RenderedDigitsSettings {
        Check.positive("train_per_class", trainPerClass);
        Check.positive("validation_per_class", validationPerClass);
        Check.positive("test_per_class", testPerClass);
    }

    public static RenderedDigitsSettings ofSeed(long seed) {
        return new RenderedDigitsSettings(seed, TRAIN_PER_CLASS, HELD_OUT_PER_CLASS, HELD_OUT_PER_CLASS);
    }

    String canonical() {
        return "seed=" + seed + ";train=" + trainPerClass + ";validation=" + validationPerClass + ";test="
                + testPerClass;
    }
}
