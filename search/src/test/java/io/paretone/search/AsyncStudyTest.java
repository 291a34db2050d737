package io.paretone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.nsga.AsyncNsgaII;
import io.paretone.search.store.SqliteTrialStore;
import io.paretone.search.store.TrialRow;
import io.paretone.search.testing.FaultyArchitectures;
import io.paretone.search.testing.FaultyWorkerMain;
import io.paretone.search.testing.SineDataset;
import io.paretone.search.trial.Constraints;
import io.paretone.search.trial.Trial;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asynchronous NSGA-II as a whole study with two workers over tiny real WaveNets (some fail
 * with NaN, some exceed a parameter limit), then resumed with one more generation: it carries on
 * from the stored trials and trains none twice.
 */
class AsyncStudyTest {
    @TempDir
    Path dir;

    private StudySettings settings(int generations) {
        return StudySettings.builder()
                .optName("async")
                .optStudy("async")
                .optAlgorithm(AsyncNsgaII.NAME)
                .optSeed(33)
                .optPopulationSize(4)
                .optGenerations(generations)
                .optDevice("cpu")
                .optOutputDir(dir)
                .optQualityClips(2)
                .optQualityClipSeconds(0.1)
                .optConstraints(new Constraints(20_000, 0, 0, 0))
                // residual width picks the fault (4 none, 8 NaN); 256 skip channels exceed the limit
                .optSpace(FaultyArchitectures.space()
                        .restrict(Map.of(
                                "training_steps",
                                List.of("10", "20"),
                                "batch_size",
                                List.of("8"),
                                "learning_rate",
                                List.of("0.01", "0.003"),
                                "wavenet.layers",
                                List.of("2"),
                                "wavenet.dilation_cycle",
                                List.of("1"),
                                "wavenet.residual_channels",
                                List.of("4", "8"),
                                "wavenet.skip_channels",
                                List.of("8", "256"),
                                "wavenet.kernel_size",
                                List.of("2"))))
                .optWorkers(new StudySettings.Workers(2, List.of(), 300, 0, FaultyWorkerMain.class.getName()))
                .build();
    }

    @Test
    void twoWorkersRunTheSteadyStateSearchAndAResumeCarriesOnFromTheStore() {
        StudyResult first = new Study(settings(2), new SineDataset(), null).run(SearchProgress.NONE);
        assertEquals("ran its 2 generations", first.stopReason());
        List<TrialRow> before;
        try (SqliteTrialStore store = SqliteTrialStore.open(settings(2).storageFile())) {
            long id = store.findStudy("async").orElseThrow().id();
            before = store.trials(id);
            assertEquals(8, before.size(), "population x generations candidates");
            assertEquals(
                    8, before.stream().map(TrialRow::architecture).distinct().count(), "no architecture twice");
            assertEquals(2, store.hypervolumes(id).size());
            assertEquals(4, store.population(id, 0, TrialRunner.EVALUATED).size());
            assertEquals(4, store.population(id, 1, TrialRunner.SURVIVORS).size());
        }
        for (Trial t : first.front()) {
            assertTrue(t.complete() && t.outcome().metrics().parameters() <= 20_000, "feasible front: " + t);
        }

        StudyResult resumed = new Study(settings(3), new SineDataset(), null).run(SearchProgress.NONE);
        assertEquals("ran its 3 generations", resumed.stopReason());
        try (SqliteTrialStore store = SqliteTrialStore.open(settings(3).storageFile())) {
            long id = store.findStudy("async").orElseThrow().id();
            List<TrialRow> after = store.trials(id);
            assertEquals(12, after.size(), "one more generation of four");
            assertTrue(
                    after.stream().allMatch(t -> t.outcome().status().finished() && t.attempts() == 1),
                    "none trained twice");
            for (TrialRow t : before) {
                assertEquals(
                        t.finishedAt(),
                        after.stream()
                                .filter(a -> a.number() == t.number())
                                .findFirst()
                                .orElseThrow()
                                .finishedAt());
            }
            assertEquals(3, store.hypervolumes(id).size());
        }
    }
}
