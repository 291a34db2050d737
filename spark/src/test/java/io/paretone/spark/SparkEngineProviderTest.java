package io.paretone.spark;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.StudySettings;
import io.paretone.search.worker.EngineChoice;
import io.paretone.search.worker.TrialEngines;
import io.paretone.spaces.check.InvalidValueException;
import org.junit.jupiter.api.Test;

class SparkEngineProviderTest {
    private static StudySettings.Builder onSpark() {
        return StudySettings.builder().optEngine(new EngineChoice(SparkEngineProvider.NAME, "local[2]"));
    }

    @Test
    void aStudyThatPrunesIsRefusedWithWhatToDoInstead() {
        StudySettings pruning = onSpark()
                .optPruning(new StudySettings.Pruning(new double[] {0.5}, 0.1))
                .build();
        var e = assertThrows(
                InvalidValueException.class,
                () -> TrialEngines.check(pruning.engine(), pruning.pruning().enabled()));
        assertTrue(
                e.getMessage().contains("without --prune-at") && e.getMessage().contains("local engine"),
                e.getMessage());
    }

    @Test
    void withTheModuleOnTheClassPathSparkIsAnEngine() {
        assertDoesNotThrow(() -> TrialEngines.check(onSpark().build().engine(), false));
    }
}
