package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeterChoiceTest {
    @Test
    void theHelpExplainsEveryNameThatParses() {
        String help = MeterChoice.help();
        for (String name : List.of("auto", "rapl", "nvml", "estimate")) {
            assertTrue(help.contains(name + " ("), name + " is explained in: " + help);
            assertEquals(name, MeterChoice.parse(name).label());
        }
        assertTrue(help.endsWith(")") && help.contains(" or estimate ("), help);
    }
}
