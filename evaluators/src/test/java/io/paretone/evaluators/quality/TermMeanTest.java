package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermMeanTest {
    // Each term: value, real anchor, noise anchor; raw = (value - noise) / (real - noise).
    private static final QualityTerm HALF = QualityTerm.of("a", 0.5, 1, 0); // raw 0.5
    private static final QualityTerm EIGHT = QualityTerm.of("b", 8, 1, 0); // raw 8, bounded 1
    private static final QualityTerm QUARTER = QualityTerm.of("c", 0.25, 1, 0); // raw 0.25
    private static final QualityTerm BELOW = QualityTerm.of("d", -0.5, 1, 0); // raw -0.5, bounded 0
    private static final QualityTerm UNINFORMATIVE = QualityTerm.of("x", 3, 1, 1);

    @Test
    void theArithmeticMeanAveragesTheInformativeTerms() {
        assertEquals(
                (0.5 + 1) / 2, TermMean.ARITHMETIC.of(List.of(HALF, EIGHT, UNINFORMATIVE), QualityTerm::scaled), 1e-12);
        assertEquals(
                (0.5 + 8) / 2, TermMean.ARITHMETIC.of(List.of(HALF, EIGHT, UNINFORMATIVE), QualityTerm::raw), 1e-12);
    }

    @Test
    void theGeometricMeanIsTheRootOfTheProductAndZeroWhenOneTermFails() {
        // bounded: (0.5 x 1 x 0.25)^(1/3) = 0.125^(1/3) = 0.5; raw: (0.5 x 8 x 0.25)^(1/3) = 1.
        assertEquals(
                0.5, TermMean.GEOMETRIC.of(List.of(HALF, EIGHT, QUARTER, UNINFORMATIVE), QualityTerm::scaled), 1e-12);
        assertEquals(1, TermMean.GEOMETRIC.of(List.of(HALF, EIGHT, QUARTER, UNINFORMATIVE), QualityTerm::raw), 1e-12);
        assertEquals(0, TermMean.GEOMETRIC.of(List.of(HALF, EIGHT, BELOW), QualityTerm::scaled), 1e-12);
    }

    @Test
    void aTermBeyondNoiseMakesTheUnboundedGeometricMeanItsRawValue() {
        assertEquals(-0.5, TermMean.GEOMETRIC.of(List.of(HALF, EIGHT, BELOW), QualityTerm::raw), 1e-12);
    }

    @Test
    void oneFailedConditionCountsAsTheCeilingToTheNthAndASecondZeroesTheSet() {
        QualityTerm one = QualityTerm.of("e", 1, 1, 0);
        QualityTerm alsoBelow = QualityTerm.of("f", -0.1, 1, 0); // raw -0.1
        TermMean capped = TermMean.GEOMETRIC_ONE_FAILURE_CAPPED;
        // every other condition met as real data meets it: exactly the ceiling (0.3^3)^(1/3).
        assertEquals(TermMean.ONE_FAILURE_CEILING, capped.of(List.of(one, EIGHT, BELOW), QualityTerm::scaled), 1e-12);
        // bounded: (0.3^3 x 0.5 x 1)^(1/3); raw: (0.3^3 x 0.5 x 8)^(1/3) = 0.3 x 4^(1/3).
        assertEquals(0.3 * Math.cbrt(0.5), capped.of(List.of(HALF, EIGHT, BELOW), QualityTerm::scaled), 1e-12);
        assertEquals(0.3 * Math.cbrt(4), capped.of(List.of(HALF, EIGHT, BELOW), QualityTerm::raw), 1e-12);
        // a second term beyond noise: bounded 0, unbounded the second smallest raw value.
        assertEquals(0, capped.of(List.of(HALF, alsoBelow, BELOW), QualityTerm::scaled), 1e-12);
        assertEquals(-0.1, capped.of(List.of(HALF, alsoBelow, BELOW), QualityTerm::raw), 1e-12);
        // no failed term: the plain geometric mean.
        assertEquals(
                TermMean.GEOMETRIC.of(List.of(HALF, EIGHT, QUARTER), QualityTerm::raw),
                capped.of(List.of(HALF, EIGHT, QUARTER), QualityTerm::raw),
                1e-12);
    }

    @Test
    void noInformativeTermScoresZero() {
        assertEquals(0, TermMean.GEOMETRIC.of(List.of(UNINFORMATIVE), QualityTerm::scaled), 1e-12);
        assertEquals(0, TermMean.ARITHMETIC.of(List.of(UNINFORMATIVE), QualityTerm::raw), 1e-12);
    }
}
