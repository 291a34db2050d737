package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassBalanceTest {
    // Reference: two images, mean distribution (0.5, 0.5, 0).
    private static final ClassBalance BALANCE = new ClassBalance(new double[][] {{1, 0, 0}, {0, 1, 0}});

    @Test
    void aSetWithTheReferencesClassMixScoresZero() {
        assertEquals(0, BALANCE.of(new double[][] {{0.5, 0.5, 0}, {0.5, 0.5, 0}, {0.5, 0.5, 0}}), 1e-12);
    }

    @Test
    void oneClassThroughoutLiesAtTheSquaredDistanceOfItsMeanFromTheReferences() {
        // Mean (0.9, 0.1, 0): (0.4)^2 + (-0.4)^2 = 0.32.
        assertEquals(0.32, BALANCE.of(new double[][] {{1, 0, 0}, {0.8, 0.2, 0}}), 1e-12);
        // All of a class the reference never gets: 0.25 + 0.25 + 1.
        assertEquals(1.5, BALANCE.of(new double[][] {{0, 0, 1}}), 1e-12);
    }
}
