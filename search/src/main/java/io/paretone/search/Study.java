package io.paretone.search;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretone.evaluators.cost.FlopCount;
import io.paretone.evaluators.cost.FlopCounter;
import io.paretone.evaluators.data.DataSplits;
import io.paretone.evaluators.data.Dataset;
import io.paretone.evaluators.energy.DeviceSync;
import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.evaluators.energy.MeterChoice;
import io.paretone.evaluators.energy.MeterSelection;
import io.paretone.evaluators.energy.MeterSources;
import io.paretone.evaluators.energy.NvmlEnergyMeter;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.footprint.CarbonBudget;
import io.paretone.search.footprint.FootprintSummary;
import io.paretone.search.footprint.FootprintTotals;
import io.paretone.search.footprint.SharedDevices;
import io.paretone.search.nsga.ArchitectureProblem;
import io.paretone.search.nsga.AsyncNsgaII;
import io.paretone.search.nsga.GenerationEvaluation;
import io.paretone.search.nsga.NsgaII;
import io.paretone.search.nsga.RandomSearch;
import io.paretone.search.nsga.SearchAlgorithm;
import io.paretone.search.nsga.StoppingRules;
import io.paretone.search.pareto.Hypervolume;
import io.paretone.search.pareto.ObjectiveBounds;
import io.paretone.search.store.NewStudy;
import io.paretone.search.store.OwnerLiveness;
import io.paretone.search.store.RunFolder;
import io.paretone.search.store.SessionFootprint;
import io.paretone.search.store.SqliteTrialStore;
import io.paretone.search.store.StudyRecord;
import io.paretone.search.store.TrialRow;
import io.paretone.search.store.TrialStore;
import io.paretone.search.worker.StudyDataFile;
import io.paretone.search.worker.WorkerLaunch;
import io.paretone.search.worker.EngineRequest;
import io.paretone.search.worker.TrialEngine;
import io.paretone.search.worker.TrialEngines;
import io.paretone.search.worker.WorkerDevices;
import io.paretone.search.worker.WorkerSetup;
import io.paretone.search.worker.WorkersPerGpu;
import io.paretone.spaces.Domain;
import io.paretone.spaces.ModelFamilies;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.genome.Gene;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One multi-objective architecture search, stored so that it survives its process. It loads the
 * data, opens (or resumes) the study in the trial store, starts the worker processes, and runs the
 * search algorithm with every candidate trained in a worker; then it writes the results. It is the
 * same for every domain: the data come as {@link DataSplits}, whose domain must be the families'.
 *
 * <p>Resuming is replaying: the algorithm runs again from the study's seed, and every candidate
 * already in the store is answered from it instead of being trained. Since every random decision
 * comes from the seed and the stored objective values are the same, the replay retraces the
 * interrupted run and carries on where it stopped. Trials left RUNNING by a dead process are
 * queued again first.
 */
public final class Study {
    /** States a study is stored in. */
    static final String RUNNING = "RUNNING";
    static final String STOPPED = "STOPPED";
    static final String FAILED = "FAILED";

    private StudySettings settings;
    private final Dataset dataset;
    private final String launchJson;
    /** One entry per worker: its device; set when the study runs. */
    private List<String> workerDevices = List.of();

    /**
     * @param launchJson how the study was launched (the command's config as JSON), stored so the
     *     study can be resumed by name; may be null
     */
    public Study(StudySettings settings, Dataset dataset, String launchJson) {
        this.settings = settings;
        this.dataset = dataset;
        this.launchJson = launchJson;
    }

    /** The objective names of a study, in the order of every objective vector. */
    public static List<String> objectiveNames(StudySettings settings) {
        return settings.objectives().stream().map(Objective::name).toList();
    }

    /**
     * @throws InvalidValueException for unusable settings (device, output folder, a study of that
     *     name with other settings, families of another domain than the data's)
     * @throws UncheckedIOException if the data cannot be read or written
     */
    public StudyResult run(SearchProgress progress) {
        workerDevices = workerDevices(progress);
        settings = settings.withWorkers(settings.workers().withCount(workerDevices.size()));
        List<String> objectives = objectiveNames(settings);
        ObjectiveBounds bounds = ObjectiveBounds.of(objectives, settings.hypervolumeBounds());
        // This process only schedules: it is metered on its own CPU time, never on a machine-wide
        // counter, which would count the workers a second time.
        EnergyMeter.Window mainWindow = MeterSelection.choose(settings.energy().withMeter(MeterChoice.ESTIMATE),
                Device.cpu(), MeterSources.local(DeviceSync.NONE)).meter().start();

        TrialEngines.check(settings);
        RunFolder.checkWritable(settings.outputDir());
        progress.preparing("loading dataset " + dataset.name());
        DataSplits data;
        Path dataFile;
        try {
            data = dataset.load(cacheDir(settings));
            checkDomain(data);
            dataFile = StudyDataFile.export(data, cacheDir(settings));
        } catch (IOException e) {
            throw new UncheckedIOException("could not load dataset " + dataset.name() + ": " + e.getMessage(), e);
        }
        dataset.notices().forEach(progress::preparing);
        int clipSamples = data.judgedValues(settings.qualityClipSeconds());
        ObjectNode identity = identity(data, clipSamples, objectives, bounds);

        try (TrialStore store = SqliteTrialStore.open(settings.storageFile())) {
            String name = settings.study() != null ? settings.study() : settings.name() + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Optional<StudyRecord> existing = store.findStudy(name);
            existing.ifPresent(s -> checkSameStudy(s, identity));
            StudyRecord study = store.openStudy(new NewStudy(name, settings.algorithm(),
                    String.join(",", settings.families()), settings.seed(), objectives, SearchJson.write(bounds),
                    SearchJson.write(identity), launchJson));
            store.setState(study.id(), RUNNING, null);
            String owner = OwnerLiveness.newSession();
            OwnerLiveness liveness = new OwnerLiveness(TrialScheduler.lease());
            int requeued = store.requeueAbandoned(study.id(), liveness);
            long session = store.startSession(study.id(), owner, settings.workers().count());
            if (existing.isPresent()) {
                int done = (int) store.trials(study.id()).stream().filter(t -> t.status().finished()).count();
                progress.resumed(name, done, requeued);
            }
            RunFolder folder = RunFolder.open(settings.outputDir().resolve(name),
                    settings.objectives().stream().map(o -> o.in(data.domain())).toList());
            folder.rewriteLog(store.trials(study.id()).stream().filter(t -> t.status().finished())
                    .map(t -> t.toTrial(settings.space(), objectives)).toList());
            folder.writeStudy(describe(identity, name, null));

            StudyLedger ledger = new StudyLedger(settings, new Hypervolume(bounds),
                    store.previousSessions(study.id(), session), trialJoules(store.trials(study.id())), mainWindow);
            Runnable storeFootprint = () -> store.updateSession(session, ledger.session(null));
            CarbonBudget budget = settings.carbonBudgetKg() > 0
                    ? new CarbonBudget(settings.carbonBudgetKg(), ledger::kgCo2eSpent) : CarbonBudget.unlimited();
            String stopReason = null;
            boolean completed = false;
            List<SharedDevices> closeLater = new ArrayList<>();
            SessionFootprint last;
            StudyResult.Overhead overhead;
            String meter;
            int notTrained;
            try (TrialEngine pool = TrialEngines.create(new EngineRequest(settings.engine(), name,
                    WorkerLaunch.ofThisJvm(settings.workers().mainClass(), settings.workers().heapMegabytes()),
                    workerSetup(dataFile, data, clipSamples, folder), workerDevices, settings.workers().trialTimeoutSeconds(),
                    settings.pruning().enabled()))) {
                progress.preparing(String.format("starting %d worker process(es) on %s (%s engine): each loads the data,"
                        + " trains or loads the quality judge and calibrates the proxy, and warms up the engine on each"
                        + " family's smallest genome (charged to the study, not to a candidate)",
                        settings.workers().count(), settings.engine().equals(StudySettings.Engine.LOCAL)
                                ? String.join(", ", workerDevices) : "the devices the cluster assigns",
                        settings.engine().name()));
                pool.start();
                progress.preparing(pool.energyDescription());
                // The proxy says whether its judge is untrained, its real spread and any term it dropped.
                progress.preparing("quality proxy: " + pool.proxyDescription());
                meter = pool.meterName();
                folder.writeStudy(describe(identity, name, pool));
                ledger.workers(pool::workerJoules);
                // Workers sharing a device each meter all of it: this process meters each device once
                // and charges every trial its own share (only here, where the workers' processes are).
                SharedDevices shared = SharedDevices.start(
                        settings.engine().equals(StudySettings.Engine.LOCAL) ? pool.devices() : List.of(), pool.meterName());
                closeLater.add(shared);
                shared.notes().forEach(progress::preparing);
                ledger.idleDevices(shared.shares()::overheadJoules);
                EnergyReading searchStart = mainWindow.read();
                SessionFootprint cpuStart = ledger.session(null);

                ArchitectureProblem problem = new ArchitectureProblem(settings.space(), objectives.size(),
                        settings.constraints().count(), s -> {
                            throw new IllegalStateException("candidates are evaluated a generation at a time");
                        });
                TrialScheduler scheduler = new TrialScheduler(store, study.id(), owner, pool, settings, objectives,
                        new Pruner(settings.pruning(), bounds, objectives), ledger, progress, folder, liveness, budget,
                        storeFootprint, shared.shares());
                TrialRunner runner = new TrialRunner(settings, objectives, problem, scheduler, ledger, store, study.id(),
                        progress, storeFootprint);
                StoppingRules stopping = stoppingRules(ledger, budget);
                if (settings.algorithm().equals(AsyncNsgaII.NAME)) {
                    runAsync(store.trials(study.id()), problem, runner, scheduler, ledger, stopping);
                } else {
                    algorithm(ledger, problem).run(problem, new GenerationEvaluation(problem, runner), stopping,
                            runner::survivors);
                }
                stopReason = stopping.reason();
                writeGpuUsage(folder, shared.gpuUsage());
                notTrained = scheduler.notTrained();
                EnergyReading searchEnd = mainWindow.read();
                overhead = new StudyResult.Overhead(searchEnd.seconds() - searchStart.seconds(),
                        ledger.session(null).mainCpuSeconds() - cpuStart.mainCpuSeconds());
                completed = true;
            } finally {
                closeLater.forEach(SharedDevices::close);
                OwnerLiveness.release(owner);
                // On an error, this session's RUNNING trials go back to the queue for the next run.
                store.requeueAbandoned(study.id(), liveness);
                last = ledger.session(completed ? stopReason : "failed");
                store.updateSession(session, last);
                store.setState(study.id(), completed ? STOPPED : FAILED, completed ? stopReason : "the session failed");
            }
            progress.stopped(stopReason);
            FootprintSummary spent = ledger.footprint(meter, true, finished(store.trials(study.id())), last);
            return result(store, study, name, folder, ledger, stopReason, overhead, existing.isPresent(),
                    spent.totals(budget, notTrained), spent);
        }
    }

    private StudyResult result(TrialStore store, StudyRecord study, String name, RunFolder folder, StudyLedger ledger,
            String stopReason, StudyResult.Overhead overhead, boolean resumed, FootprintTotals totals,
            FootprintSummary spent) {
        List<Trial> trials = ledger.trials();
        List<Trial> front = ledger.front();
        SessionFootprint session = ledger.session(stopReason);
        var hypervolumes = store.hypervolumes(study.id());
        StudyResult result = new StudyResult(settings, name, settings.storageFile(), folder.path(), trials, front,
                trials.size(), totals, session, hypervolumes, stopReason, overhead, ledger.pruningJoulesSaved(), resumed);
        ObjectNode summary = SearchJson.MAPPER.createObjectNode();
        summary.put("study", name);
        summary.put("storage", settings.storageFile().toString());
        summary.put("stop_reason", stopReason);
        summary.put("trials", trials.size());
        summary.put("failed", trials.stream().filter(t -> !t.complete()).count());
        for (TrialStatus s : List.of(TrialStatus.COMPLETE, TrialStatus.FAILED, TrialStatus.PRUNED)) {
            summary.put(s.name().toLowerCase(java.util.Locale.ROOT) + "_trials", result.count(s));
        }
        summary.put("front_size", front.size());
        summary.put("candidates_evaluated", trials.size());
        summary.put("hypervolume", hypervolumes.isEmpty() ? 0 : hypervolumes.get(hypervolumes.size() - 1).hypervolume());
        summary.put("pruned_joules_saved", result.prunedJoulesSaved());
        // The whole study, all its runs: what reports call the study's own footprint.
        summary.put("study_seconds", totals.totalSeconds());
        summary.put("study_joules", totals.totalJoules());
        summary.put("study_kg_co2e", totals.totalKgCo2e());
        summary.put("study_energy_method", totals.energyMethod());
        summary.set("footprint", totals.toJson());
        summary.put("session_seconds", session.wallSeconds());
        summary.put("session_joules", session.joules());
        summary.put("session_kg_co2e", settings.carbon().kgCo2e(session.joules()));
        summary.put("search_seconds", overhead.searchSeconds());
        summary.put("main_process_cpu_seconds", overhead.mainCpuSeconds());
        summary.put("main_process_overhead", overhead.fraction());
        writeFootprint(folder, spent);
        folder.writeResults(trials, front, summary, hypervolumes);
        return result;
    }

    /**
     * The device of each worker to start ({@link WorkerDevices}): the number asked for, handed the
     * listed devices in turn; or with {@code --workers auto} one per CPU listed and, per GPU, what
     * {@link WorkersPerGpu} says from that GPU's memory and what an earlier run of this study
     * measured ({@code gpu-usage.json}), else the rule's defaults.
     */
    private List<String> workerDevices(SearchProgress progress) {
        StudySettings.Workers w = settings.workers();
        List<String> listed = w.devices().isEmpty() ? List.of(settings.device()) : w.devices();
        if (w.count() != StudySettings.Workers.AUTO) {
            return WorkerDevices.inTurn(listed, w.count());
        }
        if (!settings.engine().equals(StudySettings.Engine.LOCAL)) {
            progress.preparing("1 worker (--workers auto is for local studies; give --workers N for the cluster's slots)");
            return WorkerDevices.inTurn(listed, 1);
        }
        long workerBytes = WorkersPerGpu.DEFAULT_WORKER_BYTES;
        double busy = WorkersPerGpu.DEFAULT_BUSY_PER_WORKER;
        Path measured = settings.study() == null ? null : settings.outputDir().resolve(settings.study()).resolve(GPU_USAGE);
        if (measured != null && Files.exists(measured)) {
            JsonNode u = SearchJson.read(readQuietly(measured), JsonNode.class);
            // Headroom over the largest process seen: a later candidate may be a little larger.
            workerBytes = Math.max(workerBytes / 4, (long) (1.25 * u.path("peak_process_bytes").asLong(workerBytes)));
            double b = u.path("busy_per_worker").asDouble(Double.NaN);
            busy = Double.isFinite(b) && b > 0 ? Math.min(1, b) : busy;
        }
        return WorkerDevices.auto(listed, Study::gpuMemory, workerBytes, busy, Runtime.getRuntime().availableProcessors(),
                progress::preparing);
    }

    /** A GPU's memory as NVML reports it, by CUDA index; 0 when NVML does not see it. */
    private static long gpuMemory(int cuda) {
        NvmlEnergyMeter nvml = NvmlEnergyMeter.forCudaDevices(List.of(cuda), DeviceSync.NONE);
        return nvml.availability().available() ? nvml.gpus().get(0).memoryBytes() : 0;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "{}";
        }
    }

    static final String GPU_USAGE = "gpu-usage.json";

    /** {@code gpu-usage.json}: how busy each GPU was and the largest process on it, for {@code --workers auto}. */
    private static void writeGpuUsage(RunFolder folder, Map<String, SharedDevices.GpuUsage> usage) {
        if (usage.isEmpty()) {
            return;
        }
        SharedDevices.GpuUsage u = usage.values().iterator().next();
        ObjectNode o = SearchJson.MAPPER.createObjectNode();
        o.put("busy_fraction", u.busyFraction()).put("mean_running_trials", u.meanRunning())
                .put("busy_per_worker", u.busyPerWorker()).put("peak_process_bytes", u.peakProcessBytes())
                .put("gpu_bytes", u.gpuBytes());
        try {
            Files.writeString(folder.path().resolve(GPU_USAGE), SearchJson.write(o), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + folder.path().resolve(GPU_USAGE), e);
        }
    }

    private static List<TrialRow> finished(List<TrialRow> trials) {
        return trials.stream().filter(t -> t.status().finished()).toList();
    }

    private static double trialJoules(List<TrialRow> trials) {
        return finished(trials).stream().mapToDouble(TrialRow::totalJoules).sum();
    }

    /** Every candidate's energy, then the overhead and the total, in {@code footprint.csv}. */
    private static void writeFootprint(RunFolder folder, FootprintSummary spent) {
        try {
            Files.writeString(folder.path().resolve("footprint.csv"), spent.csv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + folder.path().resolve("footprint.csv"), e);
        }
    }

    /**
     * The asynchronous NSGA-II. A resumed study carries on from its stored trials: the finished ones
     * join the population in the order they finished, and the ones left unfinished start first.
     */
    private void runAsync(List<TrialRow> stored, ArchitectureProblem problem, TrialRunner runner,
            TrialScheduler scheduler, StudyLedger ledger, StoppingRules stopping) {
        SteadyTrialRunner steady = new SteadyTrialRunner(runner, scheduler, problem, ledger);
        List<TrialRow> finished = new ArrayList<>(finished(stored));
        finished.sort(java.util.Comparator.comparing(TrialRow::finishedAt).thenComparing(TrialRow::number));
        List<org.uma.jmetal.solution.integersolution.IntegerSolution> evaluated = new ArrayList<>();
        for (TrialRow t : finished) {
            evaluated.add(steady.solutionOf(t));
        }
        var pending = stored.stream().filter(t -> !t.status().finished()).map(steady::solutionOf).toList();
        new AsyncNsgaII(settings.populationSize(), settings.seed())
                .avoidingDuplicates(steady::known, s -> ModelFamilies.decode(problem.genome(s)).describe())
                .run(problem, steady, stopping, settings.generations(), evaluated, pending);
    }

    private SearchAlgorithm algorithm(StudyLedger ledger, ArchitectureProblem problem) {
        return settings.algorithm().equals(RandomSearch.NAME)
                ? new RandomSearch(settings.populationSize(), settings.seed())
                : new NsgaII(settings.populationSize(), settings.seed()).avoidingDuplicates(
                        ledger::evaluated, s -> ModelFamilies.decode(problem.genome(s)).describe());
    }

    private StoppingRules stoppingRules(StudyLedger ledger, CarbonBudget budget) {
        StoppingRules rules = new StoppingRules().add(StoppingRules.afterGenerations(ledger, settings.generations()));
        StudySettings.Budget b = settings.budget();
        if (b.maxTrials() > 0) {
            rules.add(StoppingRules.afterTrials(ledger, b.maxTrials()));
        }
        if (b.maxWallSeconds() > 0) {
            rules.add(StoppingRules.afterWallSeconds(ledger, b.maxWallSeconds()));
        }
        if (b.maxTrialJoules() > 0) {
            rules.add(StoppingRules.afterTrialJoules(ledger, b.maxTrialJoules()));
        }
        if (b.stagnationGenerations() > 0) {
            rules.add(StoppingRules.onStagnation(ledger, b.stagnationGenerations(), 1e-12));
        }
        if (budget.limited()) {
            rules.add(StoppingRules.carbonBudget(budget));
        }
        return rules;
    }

    /** The families model one domain; the data must be of it, or no candidate could train on them. */
    private void checkDomain(DataSplits data) {
        Domain families = ModelFamilies.domainOf(settings.space());
        if (families != data.domain()) {
            throw new InvalidValueException("dataset", dataset.name(), "holds " + data.domain() + " data, but the families "
                    + settings.families() + " generate " + families + "; choose a dataset of the " + families
                    + " domain, or the " + data.domain() + " families " + ModelFamilies.names(data.domain()));
        }
    }

    private WorkerSetup workerSetup(Path dataFile, DataSplits data, int clipSamples, RunFolder folder) {
        return new WorkerSetup("w0", settings.families(), settings.device(), dataFile.toAbsolutePath().toString(),
                data.contentHash(), settings.qualityProxy(), settings.qualityClips(), clipSamples, settings.seed(),
                WorkerSetup.Energy.of(settings.energy(), settings.carbon()), cacheDir(settings).toAbsolutePath().toString(),
                folder.path().resolve("samples").toAbsolutePath().toString(), true);
    }

    /**
     * What defines the study: a resumed run must match it. Budgets, workers and devices may
     * change between runs; the space, seed, data, objectives, constraints and accounting may not,
     * or the stored trials would not be comparable with new ones.
     */
    private ObjectNode identity(DataSplits data, int clipSamples, List<String> objectives, ObjectiveBounds bounds) {
        ObjectNode s = SearchJson.MAPPER.createObjectNode();
        s.set("families", SearchJson.MAPPER.valueToTree(settings.families()));
        s.put("seed", settings.seed());
        s.put("algorithm", settings.algorithm()).put("population", settings.populationSize());
        ObjectNode space = s.putObject("space");
        for (Gene g : settings.space().genes()) {
            space.put(g.name(), g.allowedValues());
        }
        s.put("objectives", String.join(",", objectives));
        s.set("hypervolume_bounds", SearchJson.MAPPER.valueToTree(bounds.asMap()));
        s.set("constraints", SearchJson.MAPPER.valueToTree(settings.constraints()));
        s.put("domain", data.domain().id()).put("generated_unit", data.domain().unit());
        s.put("dataset", data.datasetName()).put("dataset_hash", data.contentHash()).put("data_layout", data.layout())
                .put("values_per_unit", data.valuesPerUnit());
        s.put("quality_proxy", settings.qualityProxy()).put("quality_clips", settings.qualityClips())
                .put("quality_clip_samples", clipSamples);
        s.put("carbon_intensity_kg_per_kwh", settings.carbon().kgPerKwh()).put("pue", settings.carbon().pue());
        s.set("energy_settings", SearchJson.MAPPER.valueToTree(WorkerSetup.Energy.of(settings.energy(), settings.carbon())));
        return s;
    }

    private static void checkSameStudy(StudyRecord stored, ObjectNode identity) {
        JsonNode before = SearchJson.read(stored.definition().settingsJson(), JsonNode.class);
        // Through text, as the stored one went: 42 read back is an int node, equal only to an int node.
        JsonNode now = SearchJson.read(SearchJson.write(identity), JsonNode.class);
        List<String> differences = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = now.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = before.get(e.getKey());
            if (!e.getValue().equals(old)) {
                differences.add(e.getKey() + " " + (old == null ? "unset" : old) + " (stored) vs " + e.getValue() + " (now)");
            }
        }
        if (!differences.isEmpty()) {
            throw new InvalidValueException("study", stored.name(), "exists with other settings: "
                    + String.join("; ", differences) + ". Resume it with its own settings, or name a new study");
        }
    }

    /** {@code study.json}: the identity, plus what the run adds (the meter, once workers chose it). */
    private ObjectNode describe(ObjectNode identity, String name, TrialEngine pool) {
        ObjectNode s = identity.deepCopy();
        if (pool != null) {
            s.putObject("energy").put("meter", pool.meterName()).put("meter_details", pool.energyDescription());
            s.put("quality_proxy_description", pool.proxyDescription());
        }
        s.put("carbon_intensity_source", settings.carbon().source()).put("carbon_budget_kg", settings.carbonBudgetKg());
        s.put("study", name).put("name", settings.name()).put("storage", settings.storageFile().toString());
        s.put("generations", settings.generations()).put("workers", settings.workers().count());
        s.set("devices", SearchJson.MAPPER.valueToTree(workerDevices));
        s.set("budget", SearchJson.MAPPER.valueToTree(settings.budget()));
        s.set("pruning", SearchJson.MAPPER.valueToTree(settings.pruning()));
        // Read by reports of run folders (RunFolderReader), which predate the nested constraints.
        s.put("max_parameters", settings.constraints().maxParameters());
        s.put("max_co2e_kg", settings.constraints().maxKgCo2e());
        s.put("flop_convention", FlopCounter.CONVENTION + "; " + FlopCount.BACKWARD_CONVENTION);
        return s;
    }

    /** Where the study writes its shared caches (rendered datasets, the workers' data file). */
    public static Path cacheDir(StudySettings settings) {
        return settings.outputDir().resolve("cache");
    }
}
