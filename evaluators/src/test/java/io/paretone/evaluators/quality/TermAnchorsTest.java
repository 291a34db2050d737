package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermAnchorsTest {
    @Test
    void theRealAnchorIsTheMeanOverSubsetsAndItsSpreadTheirSampleDeviation() {
        // Term a over three subsets: 9, 10, 11 (mean 10, sample sd 1); noise 110.
        // Term b: 0.7, 0.8, 0.9 (mean 0.8, sd 0.1); noise 0.
        TermAnchors anchors = TermAnchors.of(
                List.of("a", "b"),
                List.of(new double[] {9, 0.7}, new double[] {10, 0.8}, new double[] {11, 0.9}),
                new double[] {110, 0});
        assertEquals(10, anchors.real()[0], 1e-12);
        assertEquals(1, anchors.spread()[0], 1e-12);
        assertEquals(0.8, anchors.real()[1], 1e-12);
        assertEquals(0.1, anchors.spread()[1], 1e-12);
        // Per subset Q = mean of raw: a gives 1.01, 1, 0.99; b gives 0.875, 1, 1.125.
        // Q = 0.9425, 1, 1.0575: sample sd sqrt((0.0575^2 x 2) / 2) = 0.0575.
        assertEquals(0.0575, anchors.percentMosSpread(), 1e-12);
        assertEquals(3, anchors.subsets());
        assertTrue(anchors.summary().startsWith("real = 1 +- 0.058 over 3 disjoint real subsets"), anchors.summary());
    }

    @Test
    void aTermWithinTheSpreadIsDroppedWithANote() {
        // Term b: subsets 0.2 and 0.8 (mean 0.5, sd 0.424), noise 0.3: gap 0.2 < 2 x 0.424.
        TermAnchors anchors = TermAnchors.of(
                List.of("a", "b"), List.of(new double[] {10, 0.2}, new double[] {10.2, 0.8}), new double[] {110, 0.3});
        List<QualityTerm> terms = anchors.terms(new double[] {10, 0.5});
        assertTrue(terms.get(0).informative());
        assertTrue(!terms.get(1).informative());
        assertTrue(anchors.summary().contains("term b dropped"), anchors.summary());
    }

    @Test
    void oneSubsetLeavesTheSpreadUnknown() {
        TermAnchors anchors = TermAnchors.of(List.of("a"), List.of(new double[] {10}), new double[] {110});
        assertTrue(Double.isNaN(anchors.percentMosSpread()));
        assertTrue(anchors.summary().contains("spread unknown"), anchors.summary());
    }
}
