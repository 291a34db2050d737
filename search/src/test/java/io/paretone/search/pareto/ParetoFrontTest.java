package io.paretone.search.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
    @Test
    void keepsExactlyTheNonDominatedPointsOfAHandMadeSet() {
        List<double[]> points = List.of(
                new double[] {1, 5}, // A: front
                new double[] {2, 3}, // B: front
                new double[] {3, 3}, // C: dominated by B (equal on one, worse on the other)
                new double[] {4, 1}, // D: front
                new double[] {5, 5}, // E: dominated by everything
                new double[] {2, 3}); // F: duplicate of B, not dominated by it: kept
        List<double[]> front = ParetoFront.nonDominated(points, Function.identity());
        assertEquals(List.of(points.get(0), points.get(1), points.get(3), points.get(5)), front);
    }

    @Test
    void dominanceNeedsOneStrictImprovement() {
        assertTrue(ParetoFront.dominates(new double[] {1, 2, 3}, new double[] {1, 2, 4}));
        assertFalse(ParetoFront.dominates(new double[] {1, 2, 3}, new double[] {1, 2, 3}));
        assertFalse(ParetoFront.dominates(new double[] {0, 9}, new double[] {1, 1}));
    }
}
