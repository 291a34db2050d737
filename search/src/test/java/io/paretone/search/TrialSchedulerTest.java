package io.paretone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import io.paretone.evaluators.energy.DeviceSync;
import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.MeterChoice;
import io.paretone.evaluators.energy.MeterSelection;
import io.paretone.evaluators.energy.MeterSources;
import io.paretone.search.footprint.DeviceShares;
import io.paretone.search.nsga.Budgets;
import io.paretone.search.pareto.Hypervolume;
import io.paretone.search.pareto.ObjectiveBounds;
import io.paretone.search.store.NewStudy;
import io.paretone.search.store.OwnerLiveness;
import io.paretone.search.store.RunFolder;
import io.paretone.search.store.SqliteTrialStore;
import io.paretone.search.store.StudyRecord;
import io.paretone.search.store.TrialRow;
import io.paretone.search.trial.Candidate;
import io.paretone.search.trial.SearchJson;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import io.paretone.search.worker.FromWorker;
import io.paretone.search.worker.ToWorker;
import io.paretone.search.worker.TrialEngine;
import io.paretone.spaces.Domain;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.genome.Genome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialSchedulerTest {
    @TempDir
    Path dir;

    /** Two GPUs' energy counters, as the scheduling process reads them through NVML. */
    private final double[] gpuJoules = new double[2];

    /**
     * Four workers handed GPUs 0 and 1 in turn ({@code --devices 0,1 --workers 4}), their trials
     * all running at once: while they run, GPU 0 uses 400 J and GPU 1 800 J. Each worker meters its
     * own trial on its GPU's whole counter, so it reports that GPU's energy.
     */
    private final class TwoGpuEngine implements TrialEngine {
        private record Worker(String worker, String device, long pid) implements Slot {}

        private final List<Worker> workers = List.of(
                new Worker("w1", "gpu(0)", 10),
                new Worker("w2", "gpu(1)", 20),
                new Worker("w3", "gpu(0)", 30),
                new Worker("w4", "gpu(1)", 40));
        private final Map<Worker, Integer> running = new LinkedHashMap<>();
        private final List<String> objectives;
        private boolean ran;

        TwoGpuEngine(List<String> objectives) {
            this.objectives = objectives;
        }

        @Override
        public Optional<? extends Slot> idleSlot() {
            return workers.stream().filter(w -> !running.containsKey(w)).findFirst();
        }

        @Override
        public void dispatch(Slot slot, ToWorker.Evaluate request) {
            running.put((Worker) slot, request.trial());
        }

        @Override
        public Event next(long timeoutMillis) {
            if (running.isEmpty()) {
                return null;
            }
            if (!ran) {
                gpuJoules[0] += 400;
                gpuJoules[1] += 800;
                ran = true;
            }
            Worker w = running.keySet().iterator().next();
            int trial = running.remove(w);
            double metered = w.device().equals("gpu(0)") ? 400 : 800;
            Map<String, Double> values = new LinkedHashMap<>();
            objectives.forEach(o -> values.put(o, 0.5));
            return new Event.Message(
                    w,
                    new FromWorker.Finished(
                            trial,
                            new TrialOutcome(TrialStatus.COMPLETE, null, values, null, null, null, metered),
                            metered));
        }

        @Override
        public void start() {}

        @Override
        public void verdict(Slot slot, ToWorker.Verdict verdict) {}

        @Override
        public List<String> devices() {
            return workers.stream().map(Worker::device).toList();
        }

        @Override
        public String energyDescription() {
            return "fake";
        }

        @Override
        public String meterName() {
            return "nvml";
        }

        @Override
        public String proxyDescription() {
            return "fake";
        }

        @Override
        public double workerJoules() {
            return 0;
        }

        @Override
        public void close() {}
    }

    @Test
    void eachTrialIsChargedItsShareOfItsOwnGpusCounter() {
        StudySettings settings =
                StudySettings.builder().optName("two-gpus").optOutputDir(dir).build();
        List<String> objectives = Study.objectiveNames(settings);
        ObjectiveBounds bounds = ObjectiveBounds.of(objectives, Map.of());
        DeviceShares shares = new DeviceShares();
        shares.addDevice("gpu(0)", () -> gpuJoules[0], DeviceShares.Usage.EQUAL, "equal shares", Set.of("nvml"));
        // GPU 1's processes: worker w2 (pid 20) used it three times as much as w4 (pid 40).
        shares.addDevice(
                "gpu(1)",
                () -> gpuJoules[1],
                pids -> {
                    Map<Long, Double> use = new LinkedHashMap<>();
                    for (long p : pids) {
                        use.put(p, p == 20 ? 3.0 : p == 40 ? 1.0 : 0.0);
                    }
                    return use;
                },
                "each process's GPU time",
                Set.of("nvml"));

        Map<String, TrialRow> trials;
        try (SqliteTrialStore store = SqliteTrialStore.open(dir.resolve("paretone.db"))) {
            StudyRecord study = store.openStudy(new NewStudy(
                    "two-gpus", settings.algorithm(), "mixed", 1, objectives, SearchJson.write(bounds), "{}", null));
            String owner = OwnerLiveness.newSession();
            long session = store.startSession(study.id(), owner, 4);
            EnergyMeter.Window main = MeterSelection.choose(
                            settings.energy().withMeter(MeterChoice.ESTIMATE),
                            Device.cpu(),
                            MeterSources.local(DeviceSync.NONE))
                    .meter()
                    .start();
            StudyLedger ledger = new StudyLedger(
                    settings, new Hypervolume(bounds), store.previousSessions(study.id(), session), 0, main);
            RunFolder folder = RunFolder.open(
                    dir.resolve("two-gpus"),
                    settings.objectives().stream().map(o -> o.in(Domain.AUDIO)).toList());
            TrialScheduler scheduler = new TrialScheduler(
                    store,
                    study.id(),
                    owner,
                    new TwoGpuEngine(objectives),
                    settings,
                    objectives,
                    new Pruner(settings.pruning(), bounds, objectives),
                    ledger,
                    SearchProgress.NONE,
                    folder,
                    new OwnerLiveness(OwnerLiveness.LEASE),
                    new Budgets(List.of()),
                    () -> {},
                    shares);

            List<Candidate> candidates = new ArrayList<>();
            for (String family : List.of("wavenet", "wavegan", "vae", "sing")) {
                Genome g = ModelFamilies.smallestPerFamily(settings.space()).stream()
                        .filter(s -> s.choice(ModelFamilies.FAMILY).equals(family))
                        .findFirst()
                        .orElseThrow();
                candidates.add(new Candidate(g, ModelFamilies.decode(g), family, 7));
            }
            trials = scheduler.evaluate(0, candidates);
        }

        // Trials 1..4 went to w1..w4: GPUs 0, 1, 0, 1. By hand: GPU 0's 400 J half each (equal shares);
        // GPU 1's 800 J three quarters to w2's trial, one quarter to w4's.
        assertEquals(200, trials.get("wavenet").outcome().totalJoules(), 1e-9, "w1 on gpu(0)");
        assertEquals(600, trials.get("wavegan").outcome().totalJoules(), 1e-9, "w2 on gpu(1)");
        assertEquals(200, trials.get("vae").outcome().totalJoules(), 1e-9, "w3 on gpu(0)");
        assertEquals(200, trials.get("sing").outcome().totalJoules(), 1e-9, "w4 on gpu(1)");
        assertEquals("gpu(1)", trials.get("wavegan").device());
        assertEquals(0, shares.overheadJoules(), 1e-9, "no GPU energy went unassigned");
    }
}
