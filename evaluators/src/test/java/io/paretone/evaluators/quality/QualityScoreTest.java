package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualityScoreTest {
    private static final List<QualityTerm> TERMS = List.of(
            QualityTerm.of("d", 35, 10, 110),   // raw 0.75
            QualityTerm.of("c", 0.9, 0.8, 0),   // raw 1.125, bounded 1
            QualityTerm.of("x", 1, 1, 1));      // not informative: left out

    @Test
    void qIsTheMeanOfTheInformativeBoundedTermsAndTheRawMeanIsKept() {
        QualityScore s = QualityScore.of(TERMS, TermMean.ARITHMETIC, 0.02, 16, 0, 3, 1, 1);
        assertEquals((0.75 + 1) / 2, s.percentMos(), 1e-12);
        assertEquals((0.75 + 1.125) / 2, s.rawPercentMos(), 1e-12);
    }

    @Test
    void eachMemorisedClipCountsAsNoise() {
        // 4 of 16 memorised: Q x 12/16.
        QualityScore s = QualityScore.of(TERMS, TermMean.ARITHMETIC, 0.02, 16, 4, 0, 1, 1);
        assertEquals(0.875 * 12 / 16, s.percentMos(), 1e-12);
        assertEquals(0, QualityScore.of(TERMS, TermMean.ARITHMETIC, 0.02, 16, 16, 0, 1, 1).percentMos(), 1e-12);
    }

    @Test
    void clipsNotRecognisedAsAskedCountAsNoise() {
        assertEquals(0.875 * 0.25, QualityScore.of(TERMS, TermMean.ARITHMETIC, 0.02, 16, 0, 3, 1, 0.25).percentMos(), 1e-12);
    }
}
