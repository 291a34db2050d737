package io.paretone.search;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.pareto.ObjectiveBounds;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import io.paretone.spaces.families.ModelFamilies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrunerTest {
    private static final List<String> OBJECTIVES = List.of("co2e", "parameters", "flops", "one_minus_pmos");
    private static final ObjectiveBounds BOUNDS = ObjectiveBounds.defaults(OBJECTIVES);

    /** A front trial: 1 mg CO2e, 1000 parameters, 1e8 FLOPs/s, 1 - %MOS = 0.5. */
    private static final Trial FRONT = new Trial(
            7,
            0,
            ModelFamilies.smallestPerFamily(ModelFamilies.space(List.of("wavenet")))
                    .get(0),
            "front",
            new TrialOutcome(
                    TrialStatus.COMPLETE,
                    null,
                    Map.of("co2e", 1e-6, "parameters", 1000.0, "flops", 1e8, "one_minus_pmos", 0.5),
                    null,
                    null,
                    null,
                    0));

    private static Pruner pruner(double margin) {
        return new Pruner(new StudySettings.Pruning(new double[] {0.5}, margin), BOUNDS, OBJECTIVES);
    }

    private static Map<String, Double> partial(double co2e, double parameters, double fpos, double quality) {
        return Map.of("co2e", co2e, "parameters", parameters, "flops", fpos, "one_minus_pmos", quality);
    }

    @Test
    void aCostlierCandidateWorseByMoreThanTheMarginIsPruned() {
        String why = pruner(0.1).verdict(partial(2e-6, 2000, 2e8, 0.7), 20, 40, List.of(FRONT));
        assertNotNull(why);
        assertTrue(why.contains("trial 7") && why.contains("step 20 of 40"), why);
    }

    @Test
    void qualityWithinTheMarginMayStillImproveSoTrainingGoesOn() {
        assertNull(pruner(0.1).verdict(partial(2e-6, 2000, 2e8, 0.55), 20, 40, List.of(FRONT)));
    }

    @Test
    void aSmallerCandidateIsNotDominated() {
        assertNull(pruner(0.1).verdict(partial(2e-6, 500, 2e8, 0.9), 20, 40, List.of(FRONT)));
    }

    @Test
    void partialCo2eBelowTheFrontsIsNoDominationSinceItWillStillGrow() {
        assertNull(pruner(0.1).verdict(partial(5e-7, 2000, 2e8, 0.9), 20, 40, List.of(FRONT)));
    }

    @Test
    void withoutMarginEqualQualityAndHigherCostsArePruned() {
        assertNotNull(pruner(0).verdict(partial(2e-6, 2000, 2e8, 0.5), 20, 40, List.of(FRONT)));
        assertNull(pruner(0).verdict(partial(1e-6, 1000, 1e8, 0.5), 20, 40, List.of(FRONT)), "equal is not dominated");
    }

    @Test
    void anEmptyFrontPrunesNothing() {
        assertNull(pruner(0).verdict(partial(1, 1e9, 1e15, 1), 20, 40, List.of()));
    }
}
