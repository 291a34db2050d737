package io.paretone.evaluators.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.check.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectiveTest {
    @Test
    void anySubsetIsChosenByNameInTheGivenOrder() {
        assertEquals(
                List.of(Objective.LATENCY, Objective.CO2E, Objective.INFERENCE_ENERGY),
                Objective.byNames(List.of("latency", " co2e", "inference_energy")));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        var e = assertThrows(InvalidValueException.class, () -> Objective.byNames(List.of("co2e", "speed")));
        assertEquals("objectives", e.name());
        assertTrue(
                e.getMessage().contains("speed") && e.getMessage().contains("one_minus_pmos,inference_energy,latency"),
                e.getMessage());
    }

    @Test
    void emptyOrRepeatedSetIsRejected() {
        assertThrows(InvalidValueException.class, () -> Objective.byNames(List.of()));
        assertThrows(InvalidValueException.class, () -> Objective.byNames(List.of("flops", "flops")));
    }
}
