package io.paretone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.check.InvalidValueException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstraintsTest {
    private final Constraints all = new Constraints(1000, 1e8, 1e-6, 0.6);

    @Test
    void everyLimitIsAnUpperBoundOnAMinimisedObjective() {
        assertEquals(List.of("co2e", "parameters", "flops", "one_minus_pmos"),
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
