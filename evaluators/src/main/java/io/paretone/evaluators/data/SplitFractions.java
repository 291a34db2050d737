package io.paretone.evaluators.data;

import io.paretone.spaces.check.Check;
import java.util.List;

/**
 * How a dataset's clips are shared between its three splits (see {@link AudioSplits}).
 * Validation and test sizes are {@code round(n x fraction)}; training gets the rest.
 */
public record SplitFractions(double train, double validation, double test) {
    /** 70 / 15 / 15. */
    public static final SplitFractions DEFAULT = new SplitFractions(0.7, 0.15, 0.15);

    public SplitFractions {
        Check.inRange("trainFraction", train, 0, 1);
        Check.inRange("validationFraction", validation, 0, 1);
        Check.inRange("testFraction", test, 0, 1);
        Check.that(
                Math.abs(train + validation + test - 1) < 1e-9,
                "splitFractions",
                List.of(train, validation, test),
                "must add up to 1");
    }

    public int validationSize(int clips) {
        return (int) Math.round(clips * validation);
    }

    public int testSize(int clips) {
        return (int) Math.round(clips * test);
    }

    public int trainSize(int clips) {
        return clips - validationSize(clips) - testSize(clips);
    }

    /**
     * Checks that {@code clips} leaves no split empty.
     *
     * @param what how the user names the clip count, for the message (such as {@code notes})
     */
    public void requireNonEmptySplits(String what, int clips) {
        Check.that(
                validationSize(clips) >= 1 && testSize(clips) >= 1 && trainSize(clips) >= 1,
                what,
                clips,
                "leaves a split empty with fractions " + train + "/" + validation + "/" + test
                        + "; use more clips or larger fractions");
    }

    /** As it appears in cache keys: {@code train/validation/test}. */
    public String canonical() {
        return train + "/" + validation + "/" + test;
    }
}
