package io.paretone.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.testing.FaultyArchitectures;
import io.paretone.search.testing.FaultyArchitectures.Fault;
import io.paretone.search.testing.SineWorkerSetup;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import io.paretone.search.worker.EngineChoice;
import io.paretone.search.worker.EngineRequest;
import io.paretone.search.worker.FromWorker;
import io.paretone.search.worker.ToWorker;
import io.paretone.search.worker.TrialEngine;
import io.paretone.search.worker.TrialEngines;
import io.paretone.search.worker.WorkerLaunch;
import io.paretone.search.worker.WorkerSetup;
import io.paretone.spark.testing.FlakyStartWorkerMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How Spark's task retries meet paretone's failed candidates, on {@code local[1,2]} (one slot, a
 * task tried at most twice). Workers count their starts, so a retry shows as one more start: a
 * worker that cannot start is the cluster's fault and is retried; a candidate that kills its worker
 * is its own fault and is FAILED at once.
 */
class SparkRetryTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(FlakyStartWorkerMain.STARTS);
        System.clearProperty(FlakyStartWorkerMain.FAIL);
    }

    private TrialEngine engine(Path starts, String failStarts) throws Exception {
        System.setProperty(FlakyStartWorkerMain.STARTS, starts.toString());
        System.setProperty(FlakyStartWorkerMain.FAIL, failStarts);
        WorkerSetup setup = SineWorkerSetup.write(dir, null, false);
        return TrialEngines.create(new EngineRequest(
                new EngineChoice(SparkEngineProvider.NAME, "local[1,2]"),
                "retries",
                WorkerLaunch.ofThisJvm(FlakyStartWorkerMain.class.getName(), 256),
                setup,
                List.of("cpu"),
                300,
                false));
    }

    private static TrialEngine.Event run(TrialEngine engine, int trial, Fault fault) {
        engine.dispatch(
                engine.idleSlot().orElseThrow(),
                new ToWorker.Evaluate(trial, FaultyArchitectures.genome(fault, 10), 100 + trial, 0, 0, new double[0]));
        TrialEngine.Event e = engine.next(300_000);
        assertNotNull(e, "no outcome within five minutes");
        return e;
    }

    private static TrialOutcome result(TrialEngine.Event e) {
        return ((FromWorker.Finished)
                        assertInstanceOf(TrialEngine.Event.Message.class, e).message())
                .result();
    }

    @Test
    void aWorkerThatCannotStartIsRetriedButACandidateThatKillsItsWorkerIsFailedOnce() throws Exception {
        Path starts = Files.createDirectories(dir.resolve("starts"));
        // start 1: the driver's judge worker; 2: the set-up task's worker, which fails and is retried as 3;
        // 4: the worker after the killed candidate's, which fails and is retried as 5; 6 and 7: both fail.
        try (TrialEngine engine = engine(starts, "2,4,6,7")) {
            engine.start();
            assertEquals(3, FlakyStartWorkerMain.starts(starts), "the set-up task was retried once");

            TrialOutcome killed = result(run(engine, 1, Fault.SIGKILL));
            assertEquals(TrialStatus.FAILED, killed.status());
            assertTrue(
                    killed.reason().contains("SIGKILL") && killed.reason().contains("Spark executor driver"),
                    killed.reason());
            assertEquals(3, FlakyStartWorkerMain.starts(starts), "the killed candidate was not retried");

            TrialOutcome sound = result(run(engine, 2, Fault.NONE));
            assertEquals(TrialStatus.COMPLETE, sound.status(), sound.reason());
            assertEquals(5, FlakyStartWorkerMain.starts(starts), "its task failed to start a worker once, then ran");
            assertEquals("cpu()", sound.provenance().device());
            assertNotNull(sound.provenance().host());

            assertEquals(
                    TrialStatus.FAILED, result(run(engine, 3, Fault.SIGKILL)).status());
            var lost = assertInstanceOf(TrialEngine.Event.Lost.class, run(engine, 4, Fault.NONE));
            assertTrue(lost.reason().contains("spark.task.maxFailures"), lost.reason());
            assertEquals(7, FlakyStartWorkerMain.starts(starts), "Spark tried the task twice, then gave up");
        }
    }
}
