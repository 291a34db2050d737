package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AgreementGapTest {
    @Test
    void confidentAndAllDifferentScoresOne() {
        double[][] p = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        // Self-agreement 1; two different clips never agree.
        assertEquals(1, AgreementGap.of(p), 1e-12);
    }

    @Test
    void confidentButAllAlikeScoresZero() {
        double[][] p = {{0, 1, 0}, {0, 1, 0}, {0, 1, 0}, {0, 1, 0}};
        assertEquals(0, AgreementGap.of(p), 1e-12);
    }

    @Test
    void unsureScoresZero() {
        double[][] p = {{0.5, 0.5}, {0.5, 0.5}};
        assertEquals(0, AgreementGap.of(p), 1e-12);
    }

    @Test
    void mixedCaseByHand() {
        // Self: (1 + 1 + 0.5) / 3. Pairs: (1,2) 0, (1,3) 0.5, (2,3) 0.5, each twice: 2 / 6.
        double[][] p = {{1, 0}, {0, 1}, {0.5, 0.5}};
        assertEquals(2.5 / 3 - 2.0 / 6, AgreementGap.of(p), 1e-12);
    }

    @Test
    void aSingleClipScoresItsConfidence() {
        assertEquals(0.5, AgreementGap.of(new double[][] {{0.5, 0.5}}), 1e-12);
    }
}
