package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QualityTermTest {
    @Test
    void aDistanceMapsLinearlyFromNoiseToReal() {
        // Real 10, noise 110: a distance of 35 is a quarter of the way from real to noise.
        assertEquals(0.75, QualityTerm.of("d", 35, 10, 110).scaled(), 1e-12);
    }

    @Test
    void aScoreThatRisesWithQualityMapsTheSameWay() {
        // Real 0.8, noise 0: 0.6 is three quarters of the way up.
        assertEquals(0.75, QualityTerm.of("c", 0.6, 0.8, 0).scaled(), 1e-12);
    }

    @Test
    void beyondRealOrNoiseIsBoundedButTheRawValueIsKept() {
        // Real 10, noise 110: 5 is 5/100 beyond real, 500 is 390/100 beyond noise.
        assertEquals(1, QualityTerm.of("d", 5, 10, 110).scaled());
        assertEquals(1.05, QualityTerm.of("d", 5, 10, 110).raw(), 1e-12);
        assertEquals(0, QualityTerm.of("d", 500, 10, 110).scaled());
        assertEquals(-3.9, QualityTerm.of("d", 500, 10, 110).raw(), 1e-12);
    }

    @Test
    void theObjectiveKeepsTheOrderBeyondNoiseOnALogScale() {
        // Real 10, noise 110. 210 lies twice noise's distance beyond real (raw -1), 10010 a hundred
        // times (raw -99): 1 - ordered is 1 + ln 2 and 1 + ln 100. Between the anchors and beyond
        // real the value is the raw one.
        assertEquals(-Math.log(2), QualityTerm.of("d", 210, 10, 110).ordered(), 1e-12);
        assertEquals(-Math.log(100), QualityTerm.of("d", 10010, 10, 110).ordered(), 1e-12);
        assertEquals(0.75, QualityTerm.of("d", 35, 10, 110).ordered(), 1e-12);
        assertEquals(1.05, QualityTerm.of("d", 5, 10, 110).ordered(), 1e-12);
        assertEquals(0, QualityTerm.of("d", 110, 10, 110).ordered(), 1e-12);
    }

    @Test
    void aTermWhoseRealNoiseGapIsWithinTwiceTheRealSpreadIsDropped() {
        // Gap 0.3: dropped with a spread of 0.16 (2 x 0.16 > 0.3), kept with 0.14 (0.28 < 0.3).
        assertFalse(QualityTerm.of("c", 0.5, 0.8, 0.16, 0.5).informative());
        assertTrue(QualityTerm.of("c", 0.5, 0.8, 0.14, 0.5).informative());
    }

    @Test
    void aTermThatCannotTellRealFromNoiseIsNotInformative() {
        QualityTerm same = QualityTerm.of("c", 0.5, 0.3, 0.3);
        assertFalse(same.informative());
        assertEquals(0, same.scaled());
        assertFalse(QualityTerm.of("c", 0.5, Double.NaN, 0).informative());
        assertTrue(QualityTerm.of("c", 0.5, 0.8, 0).informative());
    }
}
