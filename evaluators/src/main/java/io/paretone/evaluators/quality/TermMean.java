package io.paretone.evaluators.quality;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How a proxy combines its informative terms into one %MOS.
 *
 * <ul>
 *   <li>{@link #ARITHMETIC}: the mean, so a term that fails can be made up by others. No proxy
 *       uses it now: with it, the audio judge let a steady tone at the note's pitch score up to 0.38
 *       on the ladder benchmark ({@code LadderBench}), bought back by the judge's embedding.
 *   <li>{@link #GEOMETRIC}: the geometric mean, 0 as soon as any term is 0: each term is a
 *       condition a real set meets, and one failed condition is not bought back by the others (the
 *       reason the UN's Human Development Index moved from the arithmetic to the geometric mean of
 *       its dimensions in 2010). The rule of both judge proxies.
 *       Unbounded, it is the geometric mean of the raw values when all are positive, else the
 *       smallest raw value (at or below 0, where the geometric mean falls to 0 too, so the two agree at
 *       the switch), keeping a set beyond the real anchor above 1 and one beyond noise below 0.
 *   <li>{@link #GEOMETRIC_ONE_FAILURE_CAPPED}: the geometric mean in which the one worst term counts
 *       at least {@code c^n} ({@code n} informative terms, {@code c} = {@value #ONE_FAILURE_CEILING}),
 *       and 0 as soon as a second term is at or beyond noise. A set that fails one condition and meets
 *       every other as real data does scores exactly {@code c}, the ceiling of a structured failure, so
 *       a failed condition is still not bought back; but a set that fails one condition ranks above one
 *       that fails two or more (which scores 0, as noise does). The image proxy's rule: a digit blurred
 *       with a 5 x 5 box has lost its edges (its first-layer statistics lie as far from real digits as
 *       per-pixel noise does) yet meets the other conditions, and is a degradation, not a failure like
 *       blobs, stripes or strokes, which fail two or more. Unbounded, below the switch it is the second
 *       smallest raw value (the geometric mean falls to 0 as that term reaches 0, so the two agree).
 * </ul>
 */
enum TermMean {
    ARITHMETIC,
    GEOMETRIC,
    GEOMETRIC_ONE_FAILURE_CAPPED;

    /**
     * The most {@link #GEOMETRIC_ONE_FAILURE_CAPPED} gives a set that fails one of its conditions: the
     * ceiling of a structured failure on the ladder of plausible failures (issue 20).
     */
    static final double ONE_FAILURE_CEILING = 0.3;

    /**
     * The mean of one value of the informative terms: bounded ({@link QualityTerm#scaled}), raw, or as
     * the objective orders it ({@link QualityTerm#ordered}); 0 if none is informative.
     */
    double of(List<QualityTerm> terms, ToDoubleFunction<QualityTerm> value) {
        List<Double> values = terms.stream()
                .filter(QualityTerm::informative)
                .map(value::applyAsDouble)
                .toList();
        if (values.isEmpty()) {
            return 0;
        }
        if (this == ARITHMETIC) {
            return values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        }
        if (this == GEOMETRIC_ONE_FAILURE_CAPPED && values.size() > 1) {
            return oneFailureCapped(
                    values.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        }
        double smallest = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        if (smallest <= 0) {
            return smallest;
        }
        return Math.exp(values.stream().mapToDouble(Math::log).sum() / values.size());
    }

    /** {@link #GEOMETRIC_ONE_FAILURE_CAPPED} of values in ascending order, at least two. */
    private static double oneFailureCapped(double[] ascending) {
        int n = ascending.length;
        if (ascending[1] <= 0) {
            return ascending[1];
        }
        double logs = Math.log(Math.max(ascending[0], Math.pow(ONE_FAILURE_CEILING, n)));
        for (int i = 1; i < n; i++) {
            logs += Math.log(ascending[i]);
        }
        return Math.exp(logs / n);
    }
}
