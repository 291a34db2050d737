package io.paretone.search.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hypervolumes against areas and volumes worked out by hand (inclusion-exclusion of boxes). */
class HypervolumeTest {
    private static final ObjectiveBounds UNIT_2D = ObjectiveBounds.defaults(List.of("a", "b"));
    private static final ObjectiveBounds UNIT_3D = ObjectiveBounds.defaults(List.of("a", "b", "c"));

    @Test
    void twoPointsCoverTheirUnionOfBoxes() {
        // [0.2,1]x[0.6,1] = 0.32, [0.5,1]x[0.3,1] = 0.35, overlap [0.5,1]x[0.6,1] = 0.2
        double hv = new Hypervolume(UNIT_2D).of(List.of(new double[] {0.2, 0.6}, new double[] {0.5, 0.3}));
        assertEquals(0.47, hv, 1e-12);
    }

    @Test
    void aDominatedPointAddsNothing() {
        double hv = new Hypervolume(UNIT_2D)
                .of(List.of(new double[] {0.2, 0.6}, new double[] {0.5, 0.3}, new double[] {0.6, 0.7}));
        assertEquals(0.47, hv, 1e-12);
    }

    @Test
    void threeObjectivesByInclusionExclusion() {
        // 0.5^3 + 0.75*0.25*0.5 - 0.5*0.25*0.5
        double hv = new Hypervolume(UNIT_3D).of(List.of(new double[] {0.5, 0.5, 0.5}, new double[] {0.25, 0.75, 0.5}));
        assertEquals(0.125 + 0.09375 - 0.0625, hv, 1e-12);
    }

    @Test
    void pointsBeyondTheBoundsAddNothingAndNoPointsMeanZero() {
        assertEquals(0, new Hypervolume(UNIT_2D).of(List.of(new double[] {1.5, 0.2})), 1e-12);
        assertEquals(0, new Hypervolume(UNIT_2D).of(List.of()), 1e-12);
    }

    @Test
    void costsAreNormalisedOnALogScaleBetweenFixedBounds() {
        ObjectiveBounds b = ObjectiveBounds.defaults(List.of("co2e", "parameters", "flops", "one_minus_pmos"));
        // co2e in [1e-8, 1e-1] kg: 1e-6 is 2 of 7 decades up
        assertEquals(2.0 / 7, b.scales().get(0).normalise(1e-6), 1e-12);
        // parameters in [1e2, 1e8]: 1e5 is half way
        assertEquals(0.5, b.scales().get(1).normalise(1e5), 1e-12);
        assertEquals(0.25, b.scales().get(3).normalise(0.25), 1e-12);
        assertEquals(0, b.scales().get(1).normalise(10), 1e-12, "below the box clamps to 0");
    }

    @Test
    void givenBoundsReplaceTheDefaultsButKeepTheirScale() {
        ObjectiveBounds b = ObjectiveBounds.of(
                List.of("parameters", "one_minus_pmos"), Map.of("parameters", new double[] {1e3, 1e5}));
        assertEquals(0.5, b.scales().get(0).normalise(1e4), 1e-12);
        assertEquals(true, b.scales().get(0).logarithmic());
    }
}
