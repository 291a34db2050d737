package io.paretone.search;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretone.evaluators.data.DataSplits;
import io.paretone.evaluators.data.Dataset;
import io.paretone.evaluators.energy.DeviceSync;
import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.evaluators.energy.MeterChoice;
import io.paretone.evaluators.energy.MeterSelection;
import io.paretone.evaluators.energy.MeterSources;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.footprint.CarbonBudget;
import io.paretone.search.footprint.FootprintSummary;
import io.paretone.search.footprint.FootprintTotals;
import io.paretone.search.footprint.SharedDevices;
import io.paretone.search.nsga.ArchitectureProblem;
import io.paretone.search.nsga.Budgets;
import io.paretone.search.nsga.StoppingRules;
import io.paretone.search.pareto.Hypervolume;
import io.paretone.search.pareto.ObjectiveBounds;
import io.paretone.search.store.RunFolder;
import io.paretone.search.store.SessionFootprint;
import io.paretone.search.store.SqliteTrialStore;
import io.paretone.search.store.TrialRow;
import io.paretone.search.store.TrialStore;
import io.paretone.search.trial.Trial;
import io.paretone.search.worker.EngineChoice;
import io.paretone.search.worker.EngineRequest;
import io.paretone.search.worker.StudyDataFile;
import io.paretone.search.worker.TrialEngine;
import io.paretone.search.worker.TrialEngines;
import io.paretone.search.worker.WorkerLaunch;
import io.paretone.search.worker.WorkerSetup;
import io.paretone.spaces.Domain;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.families.ModelFamilies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One multi-objective architecture search, stored so that it survives its process. It loads the
 * data, opens (or resumes) the study in the trial store, starts the worker processes, and runs the
 * search algorithm with every candidate trained in a worker; then it writes the results. It is the
 * same for every domain: the data come as {@link DataSplits}, whose domain must be the families'.
 * Its parts: {@link AutoWorkers} (how many workers, on which devices), {@link StudyIdentity} (what a resumed run must
 * match), {@link StudySession} (the run in the store), {@link StudyAlgorithm} (the algorithm a name
 * picks), {@link Budgets} and the stopping rules, and {@link StudyFiles} (what it writes).
 *
 * <p>Resuming is replaying: the algorithm runs again from the study's seed, and every candidate
 * already in the store is answered from it instead of being trained. Since every random decision
 * comes from the seed and the stored objective values are the same, the replay retraces the
 * interrupted run and carries on where it stopped. Trials left RUNNING by a dead process are
 * queued again first.
 */
public final class Study {
    /** One entry per worker: its device; set when the study runs. */
    private List<String> workerDevices = List.of();

    private StudySettings settings;
    private final Dataset dataset;
    private final String launchJson;

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
        workerDevices = AutoWorkers.devices(settings, progress);
        settings = settings.withWorkers(settings.workers().withCount(workerDevices.size()));
        List<String> objectives = objectiveNames(settings);
        ObjectiveBounds bounds = ObjectiveBounds.of(objectives, settings.hypervolumeBounds());
        // This process only schedules: it is metered on its own CPU time, never on a machine-wide
        // counter, which would count the workers a second time.
        EnergyMeter.Window mainWindow = MeterSelection.choose(
                        settings.energy().withMeter(MeterChoice.ESTIMATE),
                        Device.cpu(),
                        MeterSources.local(DeviceSync.NONE))
                .meter()
                .start();

        TrialEngines.check(settings.engine(), settings.pruning().enabled());
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
        ObjectNode identity = StudyIdentity.of(settings, data, clipSamples, objectives, bounds);

        try (TrialStore store = SqliteTrialStore.open(settings.storageFile())) {
            StudySession session = StudySession.open(store, settings, identity, bounds, launchJson, progress);
            String name = session.name;
            RunFolder folder = RunFolder.open(
                    settings.outputDir().resolve(name),
                    settings.objectives().stream().map(o -> o.in(data.domain())).toList());
            folder.rewriteLog(session.finishedTrials().stream()
                    .map(t -> t.toTrial(settings.space()))
                    .toList());
            StudyFiles files = new StudyFiles(settings, workerDevices, folder);
            files.writeStudy(identity, name, null);

            StudyLedger ledger = new StudyLedger(
                    settings,
                    new Hypervolume(bounds),
                    store.previousSessions(session.study.id(), session.id),
                    trialJoules(session.finishedTrials()),
                    mainWindow);
            Runnable storeFootprint = () -> session.storeFootprint(ledger.session(null));
            CarbonBudget budget = settings.carbonBudgetKg() > 0
                    ? new CarbonBudget(settings.carbonBudgetKg(), ledger::kgCo2eSpent)
                    : CarbonBudget.unlimited();
            StudySettings.Budget limits = settings.budget();
            Budgets budgets =
                    Budgets.of(ledger, limits.maxTrials(), limits.maxWallSeconds(), limits.maxTrialJoules(), budget);
            String stopReason = null;
            boolean completed = false;
            List<SharedDevices> closeLater = new ArrayList<>();
            SessionFootprint last;
            StudyResult.Overhead overhead;
            String meter;
            int notTrained;
            try (TrialEngine pool = TrialEngines.create(new EngineRequest(
                    settings.engine(),
                    name,
                    WorkerLaunch.ofThisJvm(
                            settings.workers().mainClass(), settings.workers().heapMegabytes()),
                    workerSetup(dataFile, data, clipSamples, folder),
                    workerDevices,
                    settings.workers().trialTimeoutSeconds(),
                    settings.pruning().enabled()))) {
                progress.preparing(String.format(
                        "starting %d worker process(es) on %s (%s engine): each loads the data,"
                                + " trains or loads the quality judge and calibrates the proxy, and warms up the engine on each"
                                + " family's smallest genome (charged to the study, not to a candidate)",
                        settings.workers().count(),
                        settings.engine().equals(EngineChoice.LOCAL)
                                ? String.join(", ", workerDevices)
                                : "the devices the cluster assigns",
                        settings.engine().name()));
                // Workers sharing a device each meter all of it: this process meters each device once,
                // from before the workers set up, and charges every trial its own share (only here,
                // where the workers' processes are); its energy no trial used is the study's overhead.
                boolean local = settings.engine().equals(EngineChoice.LOCAL);
                SharedDevices shared = SharedDevices.start(local ? workerDevices : List.of());
                closeLater.add(shared);
                ledger.sharedDevices(shared.shares());
                ledger.workers(pool::workerJoules, pool::setUps);
                pool.start();
                shared.workersReady(local ? pool.devices() : List.of(), pool.meterName());
                storeFootprint.run(); // the set-up's energy, in the store before any trial
                progress.preparing(pool.energyDescription());
                // The proxy says whether its judge is untrained, its real spread and any term it dropped.
                progress.preparing("quality proxy: " + pool.proxyDescription());
                meter = pool.meterName();
                files.writeStudy(identity, name, pool);
                shared.notes().forEach(progress::preparing);
                EnergyReading searchStart = mainWindow.read();
                SessionFootprint cpuStart = ledger.session(null);
                double startupCpuSeconds = StudyLedger.processCpuNanos() / 1e9;
                int trialsBefore = ledger.ownTrials();

                ArchitectureProblem problem = new ArchitectureProblem(
                        settings.space(),
                        objectives.size(),
                        settings.constraints().count(),
                        s -> {
                            throw new IllegalStateException("candidates are evaluated a generation at a time");
                        });
                TrialScheduler scheduler = new TrialScheduler(
                        store,
                        session.study.id(),
                        session.owner,
                        pool,
                        settings,
                        objectives,
                        new Pruner(settings.pruning(), bounds, objectives),
                        ledger,
                        progress,
                        folder,
                        session.liveness,
                        budgets,
                        storeFootprint,
                        shared.shares());
                TrialRunner runner = new TrialRunner(
                        settings,
                        objectives,
                        problem,
                        new CandidateDecoder(settings.seed()),
                        scheduler,
                        ledger,
                        store,
                        session.study.id(),
                        progress,
                        storeFootprint);
                StoppingRules stopping = stoppingRules(ledger, budgets);
                StudyAlgorithm.named(settings.algorithm())
                        .run(new StudyAlgorithm.Parts(
                                problem,
                                runner,
                                scheduler,
                                ledger,
                                stopping,
                                session.trials(),
                                settings.populationSize(),
                                settings.seed(),
                                settings.generations()));
                stopReason = stopping.reason();
                files.writeGpuUsage(shared.gpuUsage());
                notTrained = scheduler.notTrained();
                EnergyReading searchEnd = mainWindow.read();
                overhead = new StudyResult.Overhead(
                        searchEnd.seconds() - searchStart.seconds(),
                        ledger.session(null).mainCpuSeconds() - cpuStart.mainCpuSeconds(),
                        startupCpuSeconds,
                        StudyLedger.processCpuNanos() / 1e9,
                        ledger.ownTrials() - trialsBefore);
                completed = true;
            } finally {
                closeLater.forEach(SharedDevices::close);
                boolean done = completed;
                String why = stopReason;
                last = session.end(done, why, () -> ledger.session(done ? why : "failed"));
            }
            progress.stopped(stopReason);
            FootprintSummary spent = ledger.footprint(meter, true, session.finishedTrials(), last);
            FootprintTotals totals = spent.totals(budget, notTrained);
            List<Trial> trials = ledger.trials();
            SessionFootprint thisRun = ledger.session(stopReason);
            StudyResult result = new StudyResult(
                    settings,
                    name,
                    settings.storageFile(),
                    folder.path(),
                    trials,
                    ledger.front(),
                    trials.size(),
                    totals,
                    thisRun,
                    ledger.sessionJoules(thisRun),
                    store.hypervolumes(session.study.id()),
                    stopReason,
                    overhead,
                    ledger.pruningJoulesSaved(),
                    session.resumed);
            files.writeResults(result, spent);
            return result;
        }
    }

    private static double trialJoules(List<TrialRow> finished) {
        return finished.stream().mapToDouble(t -> t.outcome().totalJoules()).sum();
    }

    private StoppingRules stoppingRules(StudyLedger ledger, Budgets budgets) {
        StoppingRules rules = new StoppingRules()
                .add(StoppingRules.afterGenerations(ledger, settings.generations()))
                .add(budgets.stoppingRule());
        if (settings.budget().stagnationGenerations() > 0) {
            rules.add(StoppingRules.onStagnation(ledger, settings.budget().stagnationGenerations(), 1e-12));
        }
        return rules;
    }

    /** The families model one domain; the data must be of it, or no candidate could train on them. */
    private void checkDomain(DataSplits data) {
        Domain families = ModelFamilies.domainOf(settings.space());
        if (families != data.domain()) {
            throw new InvalidValueException(
                    "dataset",
                    dataset.name(),
                    "holds " + data.domain() + " data, but the families "
                            + settings.families() + " generate " + families + "; choose a dataset of the " + families
                            + " domain, or the " + data.domain() + " families " + ModelFamilies.names(data.domain()));
        }
    }

    private WorkerSetup workerSetup(Path dataFile, DataSplits data, int clipSamples, RunFolder folder) {
        return new WorkerSetup(
                "w0",
                settings.families(),
                settings.device(),
                dataFile.toAbsolutePath().toString(),
                data.contentHash(),
                settings.qualityProxy(),
                settings.qualityClips(),
                clipSamples,
                settings.seed(),
                WorkerSetup.Energy.of(settings.energy(), settings.carbon()),
                cacheDir(settings).toAbsolutePath().toString(),
                folder.path().resolve("samples").toAbsolutePath().toString(),
                true);
    }

    /** Where the study writes its shared caches (rendered datasets, the workers' data file). */
    public static Path cacheDir(StudySettings settings) {
        return settings.outputDir().resolve("cache");
    }
}
