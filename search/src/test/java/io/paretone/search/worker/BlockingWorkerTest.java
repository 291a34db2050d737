package io.paretone.search.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.testing.FaultyArchitectures;
import io.paretone.search.testing.FaultyArchitectures.Fault;
import io.paretone.search.testing.FaultyWorkerMain;
import io.paretone.search.testing.SineWorkerSetup;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker a cluster task drives: a dead worker or a timeout is a FAILED outcome, never an exception. */
class BlockingWorkerTest {
    @TempDir
    Path dir;

    private BlockingWorker start() throws Exception {
        WorkerSetup setup = SineWorkerSetup.write(dir, null, false).forWorker("t1", "cpu");
        return BlockingWorker.start(WorkerLaunch.ofThisJvm(FaultyWorkerMain.class.getName(), 256), setup, 0, 300);
    }

    private static ToWorker.Evaluate evaluate(int trial, Fault fault) {
        return new ToWorker.Evaluate(trial, FaultyArchitectures.genome(fault, 10), 1000 + trial, 0, 0, new double[0]);
    }

    @Test
    void aKilledWorkerIsAFailedOutcomeWithTheReason() throws Exception {
        try (BlockingWorker w = start()) {
            assertEquals("cpu()", w.ready().device());
            TrialOutcome ok = w.evaluate(evaluate(1, Fault.NONE), 300).result();
            assertEquals(TrialStatus.COMPLETE, ok.status(), ok.reason());
            assertTrue(w.alive(), "a worker serves trial after trial");

            FromWorker.Finished end = w.evaluate(evaluate(2, Fault.SIGKILL), 300);
            assertEquals(2, end.trial());
            TrialOutcome killed = end.result();
            assertEquals(TrialStatus.FAILED, killed.status());
            assertTrue(killed.reason().contains("SIGKILL"), killed.reason());
            assertFalse(w.alive());
        }
    }

    @Test
    void aTrialPastItsTimeoutIsStoppedAndFailed() throws Exception {
        try (BlockingWorker w = start()) {
            TrialOutcome hung = w.evaluate(evaluate(1, Fault.HANG), 5).result();
            assertEquals(TrialStatus.FAILED, hung.status());
            assertTrue(hung.reason().contains("timed out after 5 s"), hung.reason());
            assertFalse(w.alive());
        }
    }
}
