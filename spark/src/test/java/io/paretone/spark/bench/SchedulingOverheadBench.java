package io.paretone.spark.bench;

import io.paretone.search.testing.FaultyArchitectures;
import io.paretone.search.testing.FaultyArchitectures.Fault;
import io.paretone.search.testing.FaultyWorkerMain;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: prints what running a candidate through Spark costs beyond the local engine. Both
 * engines get the same tiny candidates one at a time on one slot (one CPU worker; Spark on
 * {@code local[1]}); per candidate it times dispatch to outcome, and subtracts what the worker
 * itself measured (training and generation), leaving scheduling, transport and judging. The
 * difference between the engines is Spark's overhead per candidate. Both engines start their worker
 * before the first candidate; the first candidate still pays for code warming up, so it is
 * reported apart.
 *
 * <pre>mvn -B -o -q -Pspark,bench-spark -pl spark -am -DskipTests verify</pre>
 */
public final class SchedulingOverheadBench {
    private static final int CANDIDATES = Integer.getInteger("bench.candidates", 8);

    private SchedulingOverheadBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("paretone-spark-bench");
        WorkerSetup setup = SineWorkerSetup.write(dir, null, true);
        WorkerLaunch launch = WorkerLaunch.ofThisJvm(FaultyWorkerMain.class.getName(), 256);
        double[] local = run(new EngineChoice("local", null), setup, launch);
        double[] spark = run(new EngineChoice("spark", "local[1]"), setup, launch);
        System.out.printf(
                Locale.ROOT,
                "%nscheduling overhead per candidate (%d tiny WaveNets, 10 steps, one CPU slot):%n",
                CANDIDATES);
        System.out.printf(
                Locale.ROOT,
                "  local engine: median %.1f ms round trip beyond the worker's own training and"
                        + " generation (first %.0f ms)%n",
                median(local, 1),
                local[0]);
        System.out.printf(Locale.ROOT, "  spark engine: median %.1f ms (first %.0f ms)%n", median(spark, 1), spark[0]);
        System.out.printf(
                Locale.ROOT,
                "  Spark adds %.1f ms per candidate (median of candidates 2..%d)%n",
                median(spark, 1) - median(local, 1),
                CANDIDATES);
    }

    /** Per candidate: milliseconds from dispatch to outcome, less the worker's training and generation time. */
    private static double[] run(EngineChoice engine, WorkerSetup setup, WorkerLaunch launch) {
        double[] overhead = new double[CANDIDATES];
        try (TrialEngine e =
                TrialEngines.create(new EngineRequest(engine, "bench", launch, setup, List.of("cpu"), 600, false))) {
            e.start();
            for (int i = 0; i < CANDIDATES; i++) {
                waitForIdle(e);
                long t0 = System.nanoTime();
                e.dispatch(
                        e.idleSlot().orElseThrow(),
                        new ToWorker.Evaluate(
                                i + 1, FaultyArchitectures.genome(Fault.NONE, 10), 100 + i, 0, 0, new double[0]));
                TrialOutcome f = finished(e, i + 1).result();
                double ms = (System.nanoTime() - t0) / 1e6;
                if (f.status() != TrialStatus.COMPLETE) {
                    throw new IllegalStateException("candidate " + (i + 1) + " " + f.status() + ": " + f.reason());
                }
                overhead[i] =
                        ms - 1000 * (f.metrics().trainingSeconds() + f.metrics().generationSeconds());
                System.out.printf(
                        Locale.ROOT,
                        "%s candidate %d: %.0f ms round trip, %.0f ms beyond training and generation%n",
                        engine.name(),
                        i + 1,
                        ms,
                        overhead[i]);
            }
        }
        return overhead;
    }

    private static void waitForIdle(TrialEngine e) {
        while (e.idleSlot().isEmpty()) {
            e.next(100);
        }
    }

    private static FromWorker.Finished finished(TrialEngine e, int trial) {
        while (true) {
            TrialEngine.Event ev = e.next(600_000);
            if (ev instanceof TrialEngine.Event.Message m
                    && m.message() instanceof FromWorker.Finished f
                    && f.trial() == trial) {
                return f;
            }
            if (ev instanceof TrialEngine.Event.Lost l) {
                throw new IllegalStateException("candidate " + trial + " lost: " + l.reason());
            }
            if (ev == null) {
                throw new IllegalStateException("no outcome for candidate " + trial + " within ten minutes");
            }
        }
    }

    private static double median(double[] values, int from) {
        double[] v = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
