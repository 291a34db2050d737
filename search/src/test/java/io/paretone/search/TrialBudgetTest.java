package io.paretone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.nsga.RandomSearch;
import io.paretone.search.store.SqliteTrialStore;
import io.paretone.search.store.TrialRow;
import io.paretone.search.testing.FaultyArchitectures;
import io.paretone.search.testing.FaultyWorkerMain;
import io.paretone.search.testing.SineDataset;
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
            List<TrialRow> stored = store.trials(store.findStudy("budget").orElseThrow().id());
            assertEquals(6, stored.stream().filter(t -> t.status().finished()).count());
            assertEquals(stored.size() - 6, stored.stream().filter(t -> t.status() == TrialStatus.QUEUED).count(),
                    "the rest of the second batch was proposed but not trained");
            assertTrue(stored.size() > 6, "the second batch held more candidates than the budget allowed");
        }
    }

    /**
     * With one worker, a trial starts only while the finished ones were charged less than the
     * budget: the trials before the last sum to less than it, all of them to at least it.
     */
    @Test
    void trialsStopStartingOnceTheirChargedEnergyReachesTheBudget() {
        // A few of these trials' estimated energy (one took 83 J of CPU-time estimate on the 2-core machine).
        double budgetJoules = 200;
        StudySettings settings = settings(new StudySettings.Budget(0, 0, 0, budgetJoules));
        StudyResult result = new Study(settings, new SineDataset(), null).run(SearchProgress.NONE);

        try (SqliteTrialStore store = SqliteTrialStore.open(settings.storageFile())) {
            List<TrialRow> finished = store.trials(store.findStudy("budget").orElseThrow().id()).stream()
                    .filter(t -> t.status().finished()).sorted(java.util.Comparator.comparing(TrialRow::finishedAt))
                    .toList();
            double all = finished.stream().mapToDouble(TrialRow::totalJoules).sum();
            double beforeLast = all - finished.get(finished.size() - 1).totalJoules();
            assertTrue(all >= budgetJoules, "stopped at " + all + " J, short of the budget");
            assertTrue(beforeLast < budgetJoules, "a trial started although " + beforeLast + " J were charged");
            assertTrue(finished.size() >= 2, "one trial used the whole budget: the check before a start went untested");
            assertTrue(finished.size() < 20, "the budget, not the 5 generations of 4, stopped the search");
            assertTrue(result.stopReason().startsWith("reached the trial energy budget of 200 J"), result.stopReason());
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
                .optSpace(FaultyArchitectures.space().restrict(Map.of(
                        "training_steps", List.of("10", "20"), "batch_size", List.of("8"), "learning_rate", List.of("0.01"),
                        "wavenet.layers", List.of("2"), "wavenet.dilation_cycle", List.of("1"),
                        "wavenet.residual_channels", List.of("4"), "wavenet.skip_channels", List.of("8", "16", "32"),
                        "wavenet.kernel_size", List.of("2", "3"))))
                .optWorkers(new StudySettings.Workers(1, List.of(), 300, 0, FaultyWorkerMain.class.getName()))
                .build();
    }
}
