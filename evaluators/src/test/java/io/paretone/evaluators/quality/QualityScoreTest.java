package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualityScoreTest {
    private static final List<QualityTerm> TERMS = List.of(
            QualityTerm.of("d", 35, 10, 110), // raw 0.75
            QualityTerm.of("c", 0.9, 0.8, 0), // raw 1.125, bounded 1
            QualityTerm.of("x", 1, 1, 1)); // not informative: left out

    @Test
    void qIsTheMeanOfTheInformativeBoundedTermsAndTheRawMeanIsKept() {
        QualityScore s = QualityScore.of(TERMS, TermMean.ARITHMETIC, 0.02, 16, 0, 3, 1, 1);
        assertEquals((0.75 + 1) / 2, s.percentMos(), 1e-12);
        assertEquals((0.75 + 1.125) / 2, s.rawPercentMos(), 1e-12);
    }

    @Test
    void theObjectiveOrdersSetsThatTheBoundedScoreTiesAtNoise() {
        // Two sets of one distance term (real 10, noise 110), both beyond noise: bounded %MOS 0 for
        // both, raw -1 and -3, objective 1 + ln 2 and 1 + ln 4.
        QualityScore nearer =
                QualityScore.of(List.of(QualityTerm.of("d", 210, 10, 110)), TermMean.ARITHMETIC, 0.02, 16, 0, 3, 1, 1);
        QualityScore farther =
                QualityScore.of(List.of(QualityTerm.of("d", 410, 10, 110)), TermMean.ARITHMETIC, 0.02, 16, 0, 3, 1, 1);
        assertEquals(0, nearer.percentMos());
        assertEquals(0, farther.percentMos());
        assertEquals(1 + Math.log(2), nearer.oneMinusPercentMos(), 1e-12);
        assertEquals(1 + Math.log(4), farther.oneMinusPercentMos(), 1e-12);
    }

    @Test
    void theObjectiveKeepsASetThatBeatsTheRealAnchorBelowZero() {
        // Terms with raw 0.75 and 1.125: the objective is 1 - their mean, not 1 - the bounded mean.
        assertEquals(
                1 - (0.75 + 1.125) / 2,
                QualityScore.of(TERMS, TermMean.ARITHMETIC, 0.02, 16, 0, 3, 1, 1)
                        .oneMinusPercentMos(),
                1e-12);
    }

    @Test
    void copyingTrainingClipsNeverLiftsASetWorseThanNoise() {
        // A set at raw -1 (objective 1 + ln 2): with 8 of 16 clips memorised, scoring those as noise
        // would lift it to 1 + ln 2 / 2, so a generator that copies would beat an honest one; it keeps
        // its own value instead.
        QualityScore honest =
                QualityScore.of(List.of(QualityTerm.of("d", 210, 10, 110)), TermMean.ARITHMETIC, 0.02, 16, 0, 0, 1, 1);
        QualityScore copying =
                QualityScore.of(List.of(QualityTerm.of("d", 210, 10, 110)), TermMean.ARITHMETIC, 0.02, 16, 8, 0, 1, 1);
        assertEquals(1 + Math.log(2), copying.oneMinusPercentMos(), 1e-12);
        assertEquals(honest.oneMinusPercentMos(), copying.oneMinusPercentMos(), 1e-12);
    }

    @Test
    void aMemorisedClipCountsAsNoiseInTheObjectiveAboveNoise() {
        // Terms at raw 0.75 and 1.125 (mean 0.9375), 4 of 16 memorised: objective 1 - 0.9375 x 12/16.
        QualityScore s = QualityScore.of(TERMS, TermMean.ARITHMETIC, 0.02, 16, 4, 0, 1, 1);
        assertEquals(1 - 0.9375 * 12 / 16, s.oneMinusPercentMos(), 1e-12);
    }

    @Test
    void eachMemorisedClipCountsAsNoise() {
        // 4 of 16 memorised: Q x 12/16.
        QualityScore s = QualityScore.of(TERMS, TermMean.ARITHMETIC, 0.02, 16, 4, 0, 1, 1);
        assertEquals(0.875 * 12 / 16, s.percentMos(), 1e-12);
        assertEquals(
                0,
                QualityScore.of(TERMS, TermMean.ARITHMETIC, 0.02, 16, 16, 0, 1, 1)
                        .percentMos(),
                1e-12);
    }

    @Test
    void clipsNotRecognisedAsAskedCountAsNoise() {
        assertEquals(
                0.875 * 0.25,
                QualityScore.of(TERMS, TermMean.ARITHMETIC, 0.02, 16, 0, 3, 1, 0.25)
                        .percentMos(),
                1e-12);
    }
}
