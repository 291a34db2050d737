package io.paretone.search;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretone.evaluators.CandidateEvaluator;
import io.paretone.evaluators.EvaluationSettings;
import io.paretone.evaluators.cost.FlopCount;
import io.paretone.evaluators.cost.FlopCounter;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.evaluators.data.AudioDataset;
import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.energy.DjlDeviceSync;
import io.paretone.evaluators.energy.MeterSelection;
import io.paretone.evaluators.energy.MeterSources;
import io.paretone.evaluators.quality.QualityProxy;
import io.paretone.search.footprint.CarbonBudget;
import io.paretone.search.footprint.FootprintSummary;
import io.paretone.search.footprint.FootprintTotals;
import io.paretone.search.footprint.SearchFootprint;
import io.paretone.search.nsga.ArchitectureProblem;
import io.paretone.search.nsga.NsgaII;
import io.paretone.search.pareto.ParetoFront;
import io.paretone.search.store.RunFolder;
import io.paretone.spaces.ModelFamilies;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.runtime.DjlRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One multi-objective architecture search: loads the data, calibrates the quality proxy, runs
 * NSGA-II over the mixed genome of the chosen families with every candidate really trained, and writes the results.
 */
public final class Study {
    private static final Logger LOG = LoggerFactory.getLogger(Study.class);
    private final StudySettings settings;
    private final AudioDataset dataset;
    private final ProxyCalibration calibration;

    public Study(StudySettings settings, AudioDataset dataset, ProxyCalibration calibration) {
        this.settings = settings;
        this.dataset = dataset;
        this.calibration = calibration;
    }

    /**
     * @throws io.paretone.spaces.check.InvalidValueException for unusable settings (device,
     *     output folder)
     * @throws UncheckedIOException if the data cannot be read or written
     */
    public StudyResult run(SearchProgress progress) {
        Device device = DjlRuntime.device(settings.device());
        // Before the run folder: a meter insisted on but unreadable here is a usage error, and leaves no folder.
        MeterSelection energy = MeterSelection.choose(settings.energy(), device, MeterSources.local(DjlDeviceSync.of(device)));
        RunFolder folder = RunFolder.create(settings.outputDir(), settings.name(), settings.objectives());
        SearchFootprint footprint = SearchFootprint.start(energy.meter(), settings.carbon());
        LOG.info("{}; Lacoste estimate: {}", energy.describe(), energy.lacoste().basis());
        progress.preparing(energy.describe());

        progress.preparing("loading dataset " + dataset.name());
        AudioSplits data;
        try {
            data = dataset.load(cacheDir(settings));
        } catch (IOException e) {
            throw new UncheckedIOException("could not load dataset " + dataset.name() + ": " + e.getMessage(), e);
        }
        dataset.notices().forEach(progress::preparing);
        int clipSamples = (int) Math.round(settings.qualityClipSeconds() * data.sampleRate());
        progress.preparing("training or loading the quality judge, calibrating the quality proxy on held-out audio");
        QualityProxy proxy = calibration.calibrate(data, settings.qualityClips(), clipSamples, settings.seed());

        EvaluationSettings evaluation = new EvaluationSettings(device, energy.meter(), settings.carbon(), energy.lacoste());
        Provenance provenance = Provenances.of(device, data);
        ObjectNode study = describe(data, proxy, device);
        study.set("energy", describeEnergy(energy));
        folder.writeStudy(study);

        CandidateEvaluator evaluator = new CandidateEvaluator(evaluation, data, proxy);
        progress.preparing("warming up the engine on each family's smallest genome (charged to the study, not to a candidate)");
        for (Genome smallest : ModelFamilies.smallestPerFamily(settings.space())) {
            evaluator.warmUp(ModelFamilies.decode(smallest));
        }
        TrialRunner runner = new TrialRunner(settings, evaluator, folder, progress, provenance, data.sampleRate());
        ArchitectureProblem problem =
                new ArchitectureProblem(settings.space(), settings.objectives().size(),
                        Constraints.COUNT, runner::evaluate);
        runner.attach(problem);
        CarbonBudget budget = settings.carbonBudgetKg() > 0
                ? new CarbonBudget(settings.carbonBudgetKg(), footprint::kgCo2eSoFar) : CarbonBudget.unlimited();
        runner.chargeTo(footprint, budget);
        new NsgaII(problem, settings.populationSize(), settings.generations(), settings.seed()).run(runner, budget);

        List<Trial> trials = runner.trials();
        List<Trial> front = ParetoFront.nonDominated(
                trials.stream().filter(runner::feasible).toList(), Trial::objectives);
        FootprintSummary spent = footprint.finish();
        FootprintTotals totals = spent.totals(budget, runner.notTrained());
        StudyResult result = new StudyResult(
                settings, folder.path(), trials, front, settings.populationSize() * settings.generations(), totals);
        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("trials", trials.size());
        summary.put("failed", trials.stream().filter(t -> !t.complete()).count());
        summary.put("front_size", front.size());
        summary.put("candidates_evaluated", result.candidatesEvaluated());
        summary.put("study_seconds", spent.total().seconds());
        summary.put("study_joules", spent.total().joules());
        summary.put("study_kg_co2e", spent.totalKgCo2e());
        summary.put("study_energy_method", spent.total().method());
        summary.set("footprint", totals.toJson());
        writeFootprint(folder, spent);
        folder.writeResults(trials, front, summary);
        return result;
    }

    private ObjectNode describe(AudioSplits data, QualityProxy proxy, Device device) {
        ObjectNode s = new ObjectMapper().createObjectNode();
        s.put("name", settings.name()).put("seed", settings.seed());
        s.putPOJO("families", settings.families());
        s.put("population", settings.populationSize()).put("generations", settings.generations());
        s.put("device", device.toString());
        ObjectNode space = s.putObject("space");
        for (Gene g : settings.space().genes()) {
            space.put(g.name(), g.allowedValues());
        }
        s.put("max_parameters", settings.constraints().maxParameters());
        s.put("max_co2e_kg", settings.constraints().maxKgCo2e());
        s.put("carbon_intensity_kg_per_kwh", settings.carbon().kgPerKwh()).put("pue", settings.carbon().pue());
        s.put("carbon_intensity_source", settings.carbon().source());
        s.put("carbon_budget_kg", settings.carbonBudgetKg());
        s.put("dataset", data.datasetName()).put("dataset_hash", data.contentHash()).put("sample_rate", data.sampleRate());
        s.put("train_clips", data.train().size()).put("validation_clips", data.validation().size())
                .put("test_clips", data.test().size());
        s.put("objectives", Objective.names(settings.objectives()));
        s.put("flop_convention", FlopCounter.CONVENTION + "; " + FlopCount.BACKWARD_CONVENTION);
        s.put("quality_proxy", proxy.name()).put("quality_proxy_description", proxy.description()).put("quality_clips", proxy.clipCount())
                .put("quality_clip_samples", proxy.clipSamples());
        return s;
    }

    private static ObjectNode describeEnergy(MeterSelection energy) {
        ObjectNode e = new ObjectMapper().createObjectNode();
        e.put("meter", energy.meter().name());
        e.put("meter_details", energy.meter().availability().reason());
        e.put("lacoste_devices", energy.lacoste().devices()).put("lacoste_p_max_kw", energy.lacoste().pMaxKw())
                .put("lacoste_basis", energy.lacoste().basis());
        energy.notes().forEach(e.putArray("notes")::add);
        return e;
    }

    /** Every candidate's energy, then the overhead and the total, in {@code footprint.csv}. */
    private static void writeFootprint(RunFolder folder, FootprintSummary spent) {
        try {
            Files.writeString(folder.path().resolve("footprint.csv"), spent.csv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + folder.path().resolve("footprint.csv"), e);
        }
    }

    /** Where the study writes its shared caches (rendered datasets). */
    public static Path cacheDir(StudySettings settings) {
        return settings.outputDir().resolve("cache");
    }
}
