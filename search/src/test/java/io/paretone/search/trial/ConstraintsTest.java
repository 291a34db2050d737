package io.paretone.search.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.quality.QualityScore;
import io.paretone.evaluators.quality.QualityTerm;
import io.paretone.spaces.check.InvalidValueException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstraintsTest {
    private final Constraints all = new Constraints(1000, 1e8, 1e-6, 0.6);

    @Test
    void everyLimitIsAnUpperBoundOnAMinimisedObjective() {
        assertEquals(
                List.of("co2e", "parameters", "flops", "one_minus_pmos"),
                all.limits().stream().map(Constraints.Limit::objective).toList());
        assertEquals(0.4, all.limits().get(3).max(), 1e-12, "min %MOS 0.6 is max 1 - %MOS 0.4");
        assertEquals(5, all.count());
        assertEquals(1, Constraints.NONE.count());
    }

    @Test
    void violationsAreGradedRelativeToTheLimit() {
        Constraints.Limit parameters = all.limits().get(1);
        assertEquals(0, parameters.slack(999), 0);
        assertEquals(0, parameters.slack(1000), 0);
        assertEquals(-0.5, parameters.slack(1500), 1e-12);
        assertEquals(-0.25, all.limits().get(3).slack(0.5), 1e-12); // 0.1 over 0.4
    }

    @Test
    void aQualityLimitBoundsTheObjectiveNotTheBoundedPercentMos() {
        // Terms at raw 1.4 and -0.9: bounded %MOS (1 + 0) / 2 = 0.5, the objective's (1.4 - ln 1.9) / 2 = 0.379.
        // A least %MOS of 0.45 (at most 0.55 of the objective) is met by the first, not by the second.
        double objectiveMos = (1.4 - Math.log(1.9)) / 2;
        QualityScore quality = new QualityScore(
                0.5,
                0.25,
                objectiveMos,
                0.02,
                List.of(
                        new QualityTerm("embedding_frechet", 2, 3, 0.1, 0.5, 1.4, 1, true),
                        new QualityTerm("logmel_distance", 200, 10, 1, 110, -0.9, 0, true)),
                16,
                0,
                3.0,
                2.0);
        TrialMetrics m = new TrialMetrics(
                1000,
                2000,
                0.5,
                quality,
                1,
                1e-7,
                0,
                1,
                0.1,
                3,
                40,
                5.5,
                4.5,
                "cpu-time",
                true,
                "test",
                4000,
                300,
                96000,
                16000,
                0.5,
                20,
                2.5,
                1e-7,
                "a test CPU",
                List.of());
        assertEquals(1 - objectiveMos, Constraints.figures(m).get("one_minus_pmos"), 1e-12);
        assertFalse(new Constraints(0, 0, 0, 0.45).respectedBy(m));
        assertTrue(new Constraints(0, 0, 0, 0.35).respectedBy(m));
    }

    @Test
    void onlyKnownObjectivesAreChecked() {
        assertTrue(all.respectedBy(Map.of("parameters", 900.0)));
        assertFalse(all.respectedBy(Map.of("parameters", 900.0, "one_minus_pmos", 0.5)));
    }

    @Test
    void negativeLimitsAreRefusedWithTheirKey() {
        var e = assertThrows(InvalidValueException.class, () -> new Constraints(0, -1, 0, 0));
        assertTrue(e.getMessage().contains("max_flops"), e.getMessage());
        assertThrows(InvalidValueException.class, () -> new Constraints(0, 0, 0, 1.5));
    }
}
