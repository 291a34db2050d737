package io.paretone.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.SearchProgress;
import io.paretone.search.Study;
import io.paretone.search.StudyResult;
import io.paretone.search.StudySettings;
import io.paretone.search.store.SqliteTrialStore;
import io.paretone.search.store.TrialRow;
import io.paretone.search.testing.FaultyArchitectures;
import io.paretone.search.testing.FaultyArchitectures.Fault;
import io.paretone.search.testing.FaultyWorkerMain;
import io.paretone.search.testing.SineDataset;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialStatus;
import io.paretone.search.worker.EngineChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole studies of tiny real WaveNets whose candidates run as Spark tasks on {@code local[2]}: the
 * driver runs NSGA-II and the store, each task trains its candidate in a worker process.
 */
class SparkStudyTest {
    @TempDir
    Path dir;

    /** @param widths residual widths, which pick the fault (4 none, 8 NaN, 16 SIGKILL) */
    private static StudySettings.Builder tiny(Path out, String study, long seed, List<String> widths) {
        return StudySettings.builder()
                .optName(study)
                .optStudy(study)
                .optSeed(seed)
                .optPopulationSize(4)
                .optGenerations(2)
                .optDevice("cpu")
                .optOutputDir(out)
                .optQualityClips(2)
                .optQualityClipSeconds(0.1)
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
                                widths,
                                "wavenet.skip_channels",
                                List.of("8", "16"),
                                "wavenet.kernel_size",
                                List.of("2"))))
                // Two workers of one PyTorch thread each, as local[2] runs two one-core tasks:
                // equal thread counts give bit-equal training.
                .optWorkers(new StudySettings.Workers(2, List.of(), 300, 256, FaultyWorkerMain.class.getName()));
    }

    private static EngineChoice spark() {
        return new EngineChoice(SparkEngineProvider.NAME, "local[2]");
    }

    /** Architecture to what the worker measured that does not depend on timing. */
    private static Map<String, String> measured(List<Trial> trials) {
        return trials.stream()
                .collect(Collectors.toMap(
                        Trial::description,
                        t -> t.outcome().metrics() == null
                                ? t.status() + ": " + t.outcome().reason()
                                : t.status() + " params "
                                        + t.outcome().metrics().parameters() + " flops/s "
                                        + t.outcome().metrics().generationFlopsPerUnit() + " %MOS "
                                        + t.outcome().metrics().percentMos(),
                        (a, b) -> a,
                        TreeMap::new));
    }

    @Test
    void sparkFindsTheSameFrontAsTheLocalEngineForTheSameSeed() {
        List<String> sound = List.of("4");
        // Measured energy varies from run to run and would steer the second generation; the
        // objectives that depend only on the seed and the candidate make both runs comparable.
        List<Objective> objectives = List.of(Objective.PARAMETERS, Objective.FLOPS, Objective.QUALITY);
        StudyResult local = new Study(
                        tiny(dir.resolve("local"), "same", 3, sound)
                                .optObjectives(objectives)
                                .build(),
                        new SineDataset(),
                        null)
                .run(SearchProgress.NONE);
        StudyResult spark = new Study(
                        tiny(dir.resolve("spark"), "same", 3, sound)
                                .optObjectives(objectives)
                                .optEngine(spark())
                                .build(),
                        new SineDataset(),
                        null)
                .run(SearchProgress.NONE);

        assertEquals("ran its 2 generations", spark.stopReason());
        assertEquals(measured(local.trials()), measured(spark.trials()), "the same candidates, measured alike");
        assertEquals(measured(local.front()), measured(spark.front()), "the same front");
        for (Trial t : spark.trials()) {
            assertNotNull(t.outcome().provenance().host(), "each trial records its host");
            assertEquals("cpu()", t.outcome().provenance().device(), "the device Spark gave the task");
            assertNotNull(t.outcome().metrics().energyMeter(), "and the meter");
        }
        double trialJoules = spark.trials().stream()
                .mapToDouble(t -> t.outcome().metrics().trainingJoules()
                        + t.outcome().metrics().generationJoules())
                .sum();
        assertTrue(
                spark.session().workerJoules() > trialJoules,
                "the executors' workers' energy, set-up included ("
                        + spark.session().workerJoules() + " J), exceeds what the trials alone used (" + trialJoules
                        + " J)");
    }

    @Test
    void aWorkerKilledDuringItsTaskIsAFailedTrialAndTheSearchCompletes() {
        StudySettings settings =
                tiny(dir, "killed", 12, List.of("4", "16")).optEngine(spark()).build();
        StudyResult result = new Study(settings, new SineDataset(), null).run(SearchProgress.NONE);

        assertEquals("ran its 2 generations", result.stopReason());
        int killed = 0;
        for (Trial t : result.trials()) {
            if (FaultyArchitectures.faultOf(t.genome()) == Fault.SIGKILL) {
                killed++;
                assertEquals(TrialStatus.FAILED, t.status(), t.description());
                assertTrue(
                        t.outcome().reason().contains("SIGKILL")
                                && t.outcome().reason().contains("Spark executor"),
                        t.outcome().reason());
            } else {
                assertEquals(
                        TrialStatus.COMPLETE,
                        t.status(),
                        t.description() + ": " + t.outcome().reason());
            }
        }
        assertTrue(killed >= 1, () -> "this seed kills at least one worker: " + measured(result.trials()));
        assertTrue(result.front().stream().allMatch(Trial::complete));
        try (SqliteTrialStore store = SqliteTrialStore.open(settings.storageFile())) {
            List<TrialRow> stored =
                    store.trials(store.findStudy("killed").orElseThrow().id());
            assertEquals(result.trials().size(), stored.size());
            assertTrue(
                    stored.stream().allMatch(t -> t.outcome().status().finished() && t.attempts() == 1),
                    "each trial ran once: a failed candidate is not retried");
        }
    }
}
