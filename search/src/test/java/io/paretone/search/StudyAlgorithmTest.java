package io.paretone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.check.InvalidValueException;
import org.junit.jupiter.api.Test;

class StudyAlgorithmTest {
    @Test
    void eachNameUsersGivePicksOneAlgorithm() {
        assertEquals(StudyAlgorithm.NSGA_II, StudyAlgorithm.named("nsga2"));
        assertEquals(StudyAlgorithm.ASYNC_NSGA_II, StudyAlgorithm.named("nsga2-async"));
        assertEquals(StudyAlgorithm.RANDOM, StudyAlgorithm.named("random"));
        assertNull(StudyAlgorithm.named("NSGA2"), "names are exact");
    }

    @Test
    void settingsRefuseAnotherNameAndListTheChoices() {
        var e = assertThrows(
                InvalidValueException.class,
                () -> StudySettings.builder().optAlgorithm("moead").build());
        assertTrue(e.getMessage().contains("use nsga2, nsga2-async or random"), e.getMessage());
    }
}
