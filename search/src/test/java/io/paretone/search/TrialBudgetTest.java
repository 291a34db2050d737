package io.paretone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.nsga.RandomSearch;
import io.paretone.search.store.SqliteTrialStore;
import io.paretone.search.store.TrialRow;
import io.paretone.search.testing.FaultyArchitectures;
import io.paretone.search.testing.FaultyWorkerMain;
import io.paretone.search.testing.SineDataset;
import io.paretone.search.trial.TrialStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial budget that is not a multiple of the population stops the search part-way through a
 * batch: exactly that many trials are trained, the rest of the batch stays queued for a rerun.
 */
class TrialBudgetTest {
    @TempDir
    Path dir;

    @Test
    void noMoreTrialsThanTheBudgetAreTrainedAndTheRestStayQueued() {
        StudySettings settings = settings(new StudySettings.Budget(6, 0, 0, 0));
        StudyResult result = new Study(settings, new SineDataset(), null).run(SearchProgress.NONE);

        assertEquals("reached the budget of 6 trials (6 finished)", result.stopReason());
        assertEquals(6, result.trials().size());
        try (SqliteTrialStore store = SqliteTrialStore.open(settings.storageFile())) {
            List<TrialRow> stored =
                    store.trials(store.findStudy("budget").orElseThrow().id());
            assertEquals(
                    6,
                    stored.stream().filter(t -> t.outcome().status().finished()).count());
            assertEquals(
                    stored.size() - 6,
                    stored.stream()
                            .filter(t -> t.outcome().status() == TrialStatus.QUEUED)
                            .count(),
                    "the rest of the second batch was proposed but not trained");
            assertTrue(stored.size() > 6, "the second batch held more candidates than the budget allowed");
        }
    }

    /**
     * With one worker, a trial starts only while the finished ones were charged less than the
     * budget. Every trial costs more than 1 J (its CPU time, well over 0.1 s, at the estimate's
     * 10 W per core), so the first trial uses the budget up and the others of its generation
     * stay queued.
     */
    @Test
    void trialsStopStartingOnceTheirChargedEnergyReachesTheBudget() {
        StudySettings settings = settings(new StudySettings.Budget(0, 0, 0, 1.0));
        StudyResult result = new Study(settings, new SineDataset(), null).run(SearchProgress.NONE);

        try (SqliteTrialStore store = SqliteTrialStore.open(settings.storageFile())) {
            List<TrialRow> stored =
                    store.trials(store.findStudy("budget").orElseThrow().id());
            List<TrialRow> finished =
                    stored.stream().filter(t -> t.outcome().status().finished()).toList();
            assertEquals(1, finished.size(), "trials finished");
            assertTrue(
                    finished.get(0).outcome().totalJoules() >= 1.0,
                    "the one trial was charged " + finished.get(0).outcome().totalJoules());
            assertTrue(stored.size() > 1, "the first generation proposed more than one candidate");
            assertEquals(
                    stored.size() - 1,
                    stored.stream()
                            .filter(t -> t.outcome().status() == TrialStatus.QUEUED)
                            .count(),
                    "the rest of the first generation was not started");
            assertTrue(result.stopReason().startsWith("reached the trial energy budget of 1 J"), result.stopReason());
        }
    }

    private StudySettings settings(StudySettings.Budget budget) {
        return StudySettings.builder()
                .optName("budget")
                .optStudy("budget")
                .optSeed(5)
                .optAlgorithm(RandomSearch.NAME)
                .optPopulationSize(4)
                .optGenerations(5)
                .optBudget(budget)
                .optDevice("cpu")
                .optOutputDir(dir)
                .optQualityClips(2)
                .optQualityClipSeconds(0.1)
                // residual width 4 is the fault-free one; 2 x 3 x 2 = 12 architectures, more than the budget
                .optSpace(FaultyArchitectures.space()
                        .restrict(Map.of(
                                "training_steps",
                                List.of("10", "20"),
                                "batch_size",
                                List.of("8"),
                                "learning_rate",
                                List.of("0.01"),
                                "wavenet.layers",
                                List.of("2"),
                                "wavenet.dilation_cycle",
                                List.of("1"),
                                "wavenet.residual_channels",
                                List.of("4"),
                                "wavenet.skip_channels",
                                List.of("8", "16", "32"),
                                "wavenet.kernel_size",
                                List.of("2", "3"))))
                .optWorkers(new StudySettings.Workers(1, List.of(), 300, 0, FaultyWorkerMain.class.getName()))
                .build();
    }
}
