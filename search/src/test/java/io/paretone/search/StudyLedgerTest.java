package io.paretone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.search.footprint.DeviceShares;
import io.paretone.search.pareto.Hypervolume;
import io.paretone.search.store.SessionFootprint;
import io.paretone.search.trial.EnergyPart;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import io.paretone.search.worker.TrialEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudyLedgerTest {
    private static final String GPU = "gpu(0)";

    /** A GPU drawing a set power on a fake clock: its counter is the integral, as NVML's is. */
    private static final class FakeGpu implements DeviceShares.Counter {
        double joules;
        double watts;

        @Override
        public double joules() {
            return joules;
        }
    }

    /** The scheduling process's own meter: a fixed reading. */
    private static EnergyMeter.Window mainWindow(double joules) {
        EnergyReading r = new EnergyReading(joules, 60, "cpu-time", true, "fixed");
        return new EnergyMeter.Window() {
            @Override
            public EnergyReading read() {
                return r;
            }

            @Override
            public EnergyReading stop() {
                return r;
            }
        };
    }

    private final FakeGpu gpu = new FakeGpu();
    private final DeviceShares shares = new DeviceShares();

    /** Runs the fake clock for {@code seconds} at {@code watts}, sampled at its end. */
    private void run(double watts, double seconds) {
        gpu.watts = watts;
        gpu.joules += watts * seconds;
        shares.sample();
    }

    /**
     * Three workers packed on one GPU: they set up together, then run overlapping trials with a
     * gap in which the GPU idles. Each worker's NVML reading covers the whole GPU, so each set-up
     * reading holds all three set-ups; the study must count the GPU's energy once.
     */
    @Test
    void packedWorkersSetUpAndGapsOnASharedGpuAreCountedOnce() {
        StudyLedger ledger = new StudyLedger(
                StudySettings.builder().build(), new Hypervolume(null), SessionFootprint.NONE, 0, mainWindow(20));
        shares.addDevice(GPU, gpu, DeviceShares.Usage.EQUAL, "equal shares", Set.of("nvml"));
        List<TrialEngine.SetUp> setUps = new ArrayList<>();
        double[] workerJoules = {0};
        ledger.workers(() -> workerJoules[0], () -> setUps);
        ledger.sharedDevices(shares);

        // 0-30 s: the three workers set up at once, the GPU at 100 W (3000 J); each worker reads
        // all 3000 J on NVML, plus its own CPU-time (40 J) and RAM (5 J) estimates.
        run(100, 30);
        for (int w = 0; w < 3; w++) {
            setUps.add(new TrialEngine.SetUp(
                    GPU,
                    List.of(
                            new EnergyPart("cpu-time", 40, true),
                            new EnergyPart("nvml", 3000, false),
                            new EnergyPart("ram", 5, true))));
            workerJoules[0] += 3045;
        }
        // Trial 1 on w1 from 30 s, trial 2 on w2 from 32 s; trial 1 ends at 40 s, trial 2 at 45 s;
        // the GPU idles 45-50 s (w1 and w2 between trials, w3 not yet given one); trial 3 runs on
        // w3 50-56 s; idle again 56-60 s.
        shares.started(1, GPU, 101);
        run(200, 2);
        shares.started(2, GPU, 102);
        run(300, 8);
        finish(ledger, 1, 400 + 2400, workerJoules);
        run(250, 5);
        finish(ledger, 2, 2400 + 1250, workerJoules);
        run(100, 5);
        shares.started(3, GPU, 103);
        run(200, 6);
        finish(ledger, 3, 1200, workerJoules);
        run(100, 4);

        // By hand: the GPU metered 3000 + 400 + 2400 + 1250 + 500 + 1200 + 400 = 9150 J. Equal
        // shares: trial 1 = 400 + 2400 / 2 = 1600 J, trial 2 = 1200 + 1250 = 2450 J, trial 3 = 1200 J.
        // The overhead is the GPU's 3000 J of set-up and 900 J of idle, once, plus what is truly
        // each process's own: the scheduling process's 20 J and the workers' 3 x 45 J.
        double gpuMetered = 9150;
        double overhead = ledger.session(null).overheadJoules();
        assertEquals(3000 + 900 + 20 + 3 * 45, overhead, 1e-9, "the set-up and idle GPU counted once");
        assertEquals(1600 + 2450 + 1200, ledger.trialJoules(), 1e-9, "the trials' shares");
        double footprint = ledger.trialJoules() + overhead;
        assertEquals(
                gpuMetered + 20 + 3 * 45,
                footprint,
                0.01 * gpuMetered,
                "trials plus overhead are what the GPU metered plus each process's own energy");
        assertEquals(
                gpuMetered + 20 + 3 * 45,
                ledger.sessionJoules(ledger.session(null)),
                1e-9,
                "this run's footprint, not its workers' readings summed (16,805 J)");
        assertEquals(
                StudySettings.builder().build().carbon().kgCo2e(gpuMetered + 20 + 3 * 45),
                ledger.kgCo2eSpent(),
                1e-12,
                "a carbon budget sees the same total");
    }

    /** A trial's end as the scheduler handles it: the worker's whole-GPU reading, charged its share. */
    private void finish(StudyLedger ledger, int trial, double workerReading, double[] workerJoules) {
        TrialOutcome read = new TrialOutcome(TrialStatus.COMPLETE, null, Map.of(), null, null, null, workerReading);
        TrialOutcome charged = SharedDeviceCharge.apply(read, shares.finished(trial));
        workerJoules[0] += workerReading;
        ledger.charged(charged.totalJoules(), workerReading);
    }
}
