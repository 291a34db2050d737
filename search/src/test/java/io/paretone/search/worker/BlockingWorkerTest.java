package io.paretone.search.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.data.AudioSplits;
import io.paretone.search.TrialStatus;
import io.paretone.search.testing.FaultyFamily;
import io.paretone.search.testing.FaultyFamily.Fault;
import io.paretone.search.testing.FaultyWorkerMain;
import io.paretone.search.testing.SineDataset;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker a cluster task drives: a dead worker or a timeout is a FAILED outcome, never an exception. */
class BlockingWorkerTest {
    @TempDir
    Path dir;

    private BlockingWorker start() throws Exception {
        AudioSplits data = new SineDataset().load(dir);
        Path dataFile = StudyDataFile.export(data, dir);
        WorkerSetup setup = new WorkerSetup("t1", FaultyFamily.NAME, "cpu", dataFile.toString(), data.contentHash(),
                QualityProxies.LOG_MEL_FRECHET, 2, 1600, 42, new WorkerSetup.Energy(10, 0.437, 1), null, false);
        return BlockingWorker.start(WorkerLaunch.ofThisJvm(FaultyWorkerMain.class.getName(), 256), setup, 0, 300);
    }

    private static ToWorker.Evaluate evaluate(int trial, Fault fault) {
        return new ToWorker.Evaluate(trial, FaultyFamily.genome(4, 10, fault), 1000 + trial, 0, 0, new double[0]);
    }

    @Test
    void aKilledWorkerIsAFailedOutcomeWithTheReason() throws Exception {
        try (BlockingWorker w = start()) {
            assertEquals("cpu()", w.ready().device());
            FromWorker.Finished ok = w.evaluate(evaluate(1, Fault.NONE), 300);
            assertEquals(TrialStatus.COMPLETE, ok.status(), ok.reason());
            assertTrue(w.alive(), "a worker serves trial after trial");

            FromWorker.Finished killed = w.evaluate(evaluate(2, Fault.SIGKILL), 300);
            assertEquals(TrialStatus.FAILED, killed.status());
            assertEquals(2, killed.trial());
            assertTrue(killed.reason().contains("SIGKILL"), killed.reason());
            assertFalse(w.alive());
        }
    }

    @Test
    void aTrialPastItsTimeoutIsStoppedAndFailed() throws Exception {
        try (BlockingWorker w = start()) {
            FromWorker.Finished hung = w.evaluate(evaluate(1, Fault.HANG), 5);
            assertEquals(TrialStatus.FAILED, hung.status());
            assertTrue(hung.reason().contains("timed out after 5 s"), hung.reason());
            assertFalse(w.alive());
        }
    }
}
