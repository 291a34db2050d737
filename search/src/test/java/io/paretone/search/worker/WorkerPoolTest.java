package io.paretone.search.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.EnergySettings;
import io.paretone.search.testing.FaultyArchitectures;
import io.paretone.search.testing.FaultyArchitectures.Fault;
import io.paretone.search.testing.FaultyWorkerMain;
import io.paretone.search.testing.SineDataset;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real worker processes training tiny real WaveNets, some of which misbehave. Whatever happens to
 * a candidate or its worker becomes that trial's outcome with a reason; a dead worker is replaced
 * and the next trial runs.
 */
class WorkerPoolTest {
    @TempDir
    Path dir;

    /** @param warmUp train the smallest genome once first, so that a first trial is quick */
    private WorkerPool pool(double timeoutSeconds, boolean warmUp) throws Exception {
        AudioSplits data = new SineDataset().load(dir);
        Path dataFile = StudyDataFile.export(data, dir);
        WorkerSetup setup = new WorkerSetup(
                "w0",
                List.of("wavenet"),
                "cpu",
                dataFile.toString(),
                data.contentHash(),
                QualityProxies.JUDGE,
                2,
                1600,
                42,
                WorkerSetup.Energy.of(EnergySettings.defaults(), CarbonAccounting.worldAverage()),
                dir.resolve("cache").toString(),
                dir.resolve("samples").toString(),
                warmUp);
        WorkerPool pool = new WorkerPool(
                WorkerLaunch.ofThisJvm(FaultyWorkerMain.class.getName(), 256), setup, List.of("cpu"), timeoutSeconds);
        pool.start();
        return pool;
    }

    /** Sends one trial and waits for its end: a Finished message, or a Lost event. */
    private static TrialEngine.Event run(WorkerPool pool, int trial, String genome) {
        waitUntilReady(pool);
        WorkerPool.Seat seat = pool.idleSlot().orElseThrow();
        pool.dispatch(seat, new ToWorker.Evaluate(trial, genome, 1000 + trial, 0, 0, new double[0]));
        while (true) {
            TrialEngine.Event e = pool.next(120_000);
            assertNotNull(e, "no answer within two minutes");
            if (e instanceof TrialEngine.Event.Lost l && l.trial() == trial) {
                return e;
            }
            if (e instanceof TrialEngine.Event.Message m
                    && m.message() instanceof FromWorker.Finished f
                    && f.trial() == trial) {
                return e;
            }
        }
    }

    private static TrialOutcome finished(TrialEngine.Event e) {
        return ((FromWorker.Finished)
                        assertInstanceOf(TrialEngine.Event.Message.class, e).message())
                .result();
    }

    @Test
    void nanLossKilledWorkerAndHeapExhaustionAreFailedTrialsAndTheNextTrialRuns() throws Exception {
        try (WorkerPool pool = pool(300, false)) {
            long firstPid = pool.idleSlot().orElseThrow().pid();

            TrialOutcome ok = finished(run(pool, 1, FaultyArchitectures.genome(Fault.NONE, 10)));
            assertEquals(TrialStatus.COMPLETE, ok.status());
            assertEquals(
                    io.paretone.evaluators.objectives.Objective.ALL.size(),
                    ok.objectives().size());
            assertEquals(10, ok.metrics().trainingSteps());
            assertTrue(ok.totalJoules() > 0, "the trial's energy is measured");
            assertTrue(Files.exists(dir.resolve("samples").resolve("trial-0001.wav")), "the worker saved a sample");

            TrialOutcome nan = finished(run(pool, 2, FaultyArchitectures.genome(Fault.NAN, 10)));
            assertEquals(TrialStatus.FAILED, nan.status());
            assertTrue(nan.reason().contains("NaN") && nan.reason().contains("step 1"), nan.reason());
            assertEquals(firstPid, pool.idleSlot().orElseThrow().pid(), "a NaN loss does not cost the worker");

            var killed = assertInstanceOf(
                    TrialEngine.Event.Lost.class, run(pool, 3, FaultyArchitectures.genome(Fault.SIGKILL, 10)));
            assertTrue(killed.reason().contains("SIGKILL"), killed.reason());

            var heap = assertInstanceOf(
                    TrialEngine.Event.Lost.class, run(pool, 4, FaultyArchitectures.genome(Fault.OOM, 10)));
            assertTrue(heap.reason().contains("out of Java heap"), heap.reason());

            waitUntilReady(pool);
            assertNotEquals(firstPid, pool.idleSlot().orElseThrow().pid(), "the dead worker was replaced");
            assertEquals(
                    TrialStatus.COMPLETE,
                    finished(run(pool, 5, FaultyArchitectures.genome(Fault.NONE, 10)))
                            .status());
        }
    }

    @Test
    void aTrialPastTheTimeoutIsStoppedAndFailed() throws Exception {
        // 20 s: the healthy trial after it must finish within the same limit on a loaded 2-core
        // machine (with 8 s it timed out too at a load of 6).
        try (WorkerPool pool = pool(20, true)) {
            var hung = assertInstanceOf(
                    TrialEngine.Event.Lost.class, run(pool, 1, FaultyArchitectures.genome(Fault.HANG, 10)));
            assertTrue(hung.reason().contains("timed out after 20 s"), hung.reason());
            waitUntilReady(pool);
            assertEquals(
                    TrialStatus.COMPLETE,
                    finished(run(pool, 2, FaultyArchitectures.genome(Fault.NONE, 10)))
                            .status());
        }
    }

    @Test
    void aCheckpointAsksForAVerdictAndAStopEndsTrainingAsPruned() throws Exception {
        try (WorkerPool pool = pool(300, false)) {
            WorkerPool.Seat seat = pool.idleSlot().orElseThrow();
            pool.dispatch(
                    seat,
                    new ToWorker.Evaluate(1, FaultyArchitectures.genome(Fault.NONE, 20), 7, 0, 0, new double[] {0.5}));
            FromWorker.Checkpoint checkpoint = null;
            TrialOutcome end = null;
            int lastStep = 0;
            while (end == null) {
                var m = assertInstanceOf(TrialEngine.Event.Message.class, pool.next(120_000))
                        .message();
                if (m instanceof FromWorker.Step s) {
                    lastStep = s.step();
                } else if (m instanceof FromWorker.Checkpoint c) {
                    checkpoint = c;
                    pool.verdict(seat, new ToWorker.Verdict(1, false));
                } else if (m instanceof FromWorker.Finished f) {
                    end = f.result();
                }
            }
            assertNotNull(checkpoint, "a checkpoint after half of 20 steps");
            assertEquals(10, checkpoint.step());
            assertEquals(
                    io.paretone.evaluators.objectives.Objective.ALL.size(),
                    checkpoint.objectives().size(),
                    "every objective measured on the partial model");
            assertEquals(10, lastStep, "no step after the verdict");
            assertEquals(TrialStatus.PRUNED, end.status());
            assertEquals(10, end.pruning().step());
            assertEquals(20, end.pruning().plannedSteps());
            // joules x 10 / 10.0 need not round back to joules exactly.
            assertEquals(
                    end.metrics().trainingJoules(),
                    end.pruning().joulesSaved(),
                    1e-9 * end.metrics().trainingJoules(),
                    "half the steps left: the saving extrapolates to the energy of the half done");
            assertEquals(10, end.metrics().trainingSteps());
            assertEquals(checkpoint.objectives(), end.objectives(), "a pruned trial keeps its checkpoint values");

            TrialOutcome goesOn = null;
            pool.dispatch(
                    seat,
                    new ToWorker.Evaluate(2, FaultyArchitectures.genome(Fault.NONE, 20), 8, 0, 0, new double[] {0.5}));
            while (goesOn == null) {
                var m = assertInstanceOf(TrialEngine.Event.Message.class, pool.next(120_000))
                        .message();
                if (m instanceof FromWorker.Checkpoint) {
                    pool.verdict(seat, new ToWorker.Verdict(2, true));
                } else if (m instanceof FromWorker.Finished f) {
                    goesOn = f.result();
                }
            }
            assertEquals(TrialStatus.COMPLETE, goesOn.status());
            assertEquals(20, goesOn.metrics().trainingSteps());
        }
    }

    private static void waitUntilReady(WorkerPool pool) {
        long end = System.nanoTime() + 120_000_000_000L;
        while (pool.idleSlot().isEmpty()) {
            assertTrue(System.nanoTime() < end, "no replacement worker within two minutes");
            TrialEngine.Event e = pool.next(1000);
            assertEquals(null, e, "no trial was running");
        }
    }
}
