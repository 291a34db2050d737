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
 * </ul>
 */
enum TermMean {
    ARITHMETIC,
    GEOMETRIC;

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
        double smallest = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        if (smallest <= 0) {
            return smallest;
        }
        return Math.exp(values.stream().mapToDouble(Math::log).sum() / values.size());
    }
}
