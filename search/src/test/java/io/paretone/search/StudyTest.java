package io.paretone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.store.SqliteTrialStore;
import io.paretone.search.store.TrialRow;
import io.paretone.search.testing.FaultyArchitectures;
import io.paretone.search.testing.FaultyArchitectures.Fault;
import io.paretone.search.testing.FaultyWorkerMain;
import io.paretone.search.testing.SineDataset;
import io.paretone.search.trial.Constraints;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole study over tiny real WaveNets, some of which produce NaN losses or kill their worker
 * with SIGKILL, under a parameter limit that rejects the widest.
 */
class StudyTest {
    private static final long MAX_PARAMETERS = 20_000;

    @TempDir
    Path dir;

    @Test
    void failuresAreRecordedTheSearchFinishesAndTheFrontRespectsTheConstraints() {
        StudySettings settings = StudySettings.builder()
                .optName("faults")
                .optStudy("faults")
                .optSeed(33) // its first generation holds one of each: sound, NaN, SIGKILL, rejected
                .optPopulationSize(4)
                .optGenerations(2)
                .optDevice("cpu")
                .optOutputDir(dir)
                .optQualityClips(2)
                .optQualityClipSeconds(0.1)
                .optConstraints(new Constraints(MAX_PARAMETERS, 0, 0, 0))
                // residual width picks the fault (4 none, 8 NaN, 16 SIGKILL); 256 skip channels exceed the limit
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
                                List.of("4", "8", "16"),
                                "wavenet.skip_channels",
                                List.of("8", "256"),
                                "wavenet.kernel_size",
                                List.of("2"))))
                .optWorkers(new StudySettings.Workers(1, List.of(), 300, 0, FaultyWorkerMain.class.getName()))
                .build();
        StudyResult result = new Study(settings, new SineDataset(), null).run(SearchProgress.NONE);

        assertEquals("ran its 2 generations", result.stopReason());
        int killed = 0;
        int nan = 0;
        int rejected = 0;
        for (Trial t : result.trials()) {
            String d = t.description();
            Fault fault = FaultyArchitectures.faultOf(t.genome());
            if (t.outcome().status() == TrialStatus.FAILED
                    && t.outcome().reason().startsWith("not trained")) {
                rejected++;
                assertTrue(
                        t.outcome().objectives().get("parameters") > MAX_PARAMETERS,
                        "rejected only above the limit: " + t);
                assertTrue(
                        t.outcome().reason().contains("max_parameters " + MAX_PARAMETERS),
                        t.outcome().reason());
            } else if (fault == Fault.SIGKILL) {
                killed++;
                assertEquals(TrialStatus.FAILED, t.status(), d);
                assertTrue(t.outcome().reason().contains("SIGKILL"), t.outcome().reason());
            } else if (fault == Fault.NAN) {
                nan++;
                assertEquals(TrialStatus.FAILED, t.status(), d);
                assertTrue(t.outcome().reason().contains("NaN"), t.outcome().reason());
            } else {
                assertEquals(
                        TrialStatus.COMPLETE,
                        t.outcome().status(),
                        d + ": " + t.outcome().reason());
            }
        }
        assertTrue(
                killed >= 1 && nan >= 1 && rejected >= 1,
                "this seed meets every failure: killed " + killed + ", NaN " + nan + ", rejected " + rejected);

        assertFalse(result.front().isEmpty(), () -> result.trials().stream()
                .map(t -> t.number() + " " + t.status() + " " + t.description() + " "
                        + t.outcome().reason() + " " + t.outcome().objectives())
                .toList()
                .toString());
        for (Trial t : result.front()) {
            assertTrue(t.complete(), "only complete trials on the front");
            assertTrue(t.outcome().metrics().parameters() <= MAX_PARAMETERS, "constraint holds on the front: " + t);
            assertEquals(Fault.NONE, FaultyArchitectures.faultOf(t.genome()), t.description());
        }

        try (SqliteTrialStore store = SqliteTrialStore.open(settings.storageFile())) {
            long id = store.findStudy("faults").orElseThrow().id();
            List<TrialRow> stored = store.trials(id);
            assertEquals(result.trials().size(), stored.size());
            assertEquals(
                    stored.size(),
                    stored.stream().map(TrialRow::architecture).distinct().count());
            assertTrue(stored.stream().allMatch(t -> t.outcome().status().finished() && t.attempts() == 1));
            assertEquals(2, store.hypervolumes(id).size());
            assertEquals(4, store.population(id, 1, TrialRunner.EVALUATED).size());
            assertEquals(
                    4, store.population(id, 1, TrialRunner.SURVIVORS).size(), "NSGA-II kept four after the offspring");
        }
        assertTrue(Files.exists(result.folder().resolve("front.json")));
        assertTrue(Files.exists(result.folder().resolve("hypervolume.csv")));
    }
}
