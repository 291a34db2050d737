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
import io.paretone.evaluators.energy.CpuTimeEnergyMeter;
import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.evaluators.energy.LacosteEstimate;
import io.paretone.evaluators.quality.QualityProxy;
import io.paretone.search.nsga.ArchitectureProblem;
import io.paretone.search.nsga.NsgaII;
import io.paretone.search.pareto.ParetoFront;
import io.paretone.search.store.RunFolder;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.runtime.DjlRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One multi-objective architecture search: loads the data, calibrates the quality proxy, runs
 * NSGA-II over the family's genome with every candidate really trained, and writes the results.
 */
public final class Study {
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
        RunFolder folder = RunFolder.create(settings.outputDir(), settings.name(), settings.objectives());
        EnergyMeter meter = new CpuTimeEnergyMeter(settings.wattsPerCore());
        EnergyMeter.Window footprintWindow = meter.start();

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

        EvaluationSettings evaluation =
                new EvaluationSettings(
                        device, meter, settings.carbon(), LacosteEstimate.forDevice(device, settings.wattsPerCore()));
        Provenance provenance = Provenances.of(device, data);
        folder.writeStudy(describe(data, proxy, device));

        CandidateEvaluator evaluator = new CandidateEvaluator(evaluation, data, proxy);
        progress.preparing("warming up the engine on the smallest genome (charged to the study, not to a candidate)");
        evaluator.warmUp(settings.family().decode(settings.space().genome(new int[settings.space().size()])));
        TrialRunner runner = new TrialRunner(settings, evaluator, folder, progress, provenance, data.sampleRate());
        ArchitectureProblem problem =
                new ArchitectureProblem(settings.space(), settings.objectives().size(),
                        Constraints.COUNT, runner::evaluate);
        runner.attach(problem);
        new NsgaII(problem, settings.populationSize(), settings.generations(), settings.seed()).run(runner);

        List<Trial> trials = runner.trials();
        List<Trial> front = ParetoFront.nonDominated(
                trials.stream().filter(runner::feasible).toList(), Trial::objectives);
        EnergyReading footprint = footprintWindow.stop();
        double footprintKg = settings.carbon().kgCo2e(footprint.joules());
        StudyResult result = new StudyResult(
                settings, folder.path(), trials, front,
                settings.populationSize() * settings.generations(), footprint, footprintKg);
        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("trials", trials.size());
        summary.put("failed", trials.stream().filter(t -> !t.complete()).count());
        summary.put("front_size", front.size());
        summary.put("candidates_evaluated", result.candidatesEvaluated());
        summary.put("study_seconds", footprint.seconds());
        summary.put("study_joules", footprint.joules());
        summary.put("study_kg_co2e", footprintKg);
        summary.put("study_energy_method", footprint.method());
        folder.writeResults(trials, front, summary);
        return result;
    }

    private ObjectNode describe(AudioSplits data, QualityProxy proxy, Device device) {
        ObjectNode s = new ObjectMapper().createObjectNode();
        s.put("name", settings.name()).put("family", settings.family().name()).put("seed", settings.seed());
        s.put("population", settings.populationSize()).put("generations", settings.generations());
        s.put("device", device.toString());
        ObjectNode space = s.putObject("space");
        for (Gene g : settings.space().genes()) {
            space.put(g.name(), g.allowedValues());
        }
        s.put("max_parameters", settings.constraints().maxParameters());
        s.put("max_co2e_kg", settings.constraints().maxKgCo2e());
        s.put("carbon_intensity_kg_per_kwh", settings.carbon().kgPerKwh()).put("pue", settings.carbon().pue());
        s.put("watts_per_core", settings.wattsPerCore());
        s.put("dataset", data.datasetName()).put("dataset_hash", data.contentHash()).put("sample_rate", data.sampleRate());
        s.put("train_clips", data.train().size()).put("validation_clips", data.validation().size())
                .put("test_clips", data.test().size());
        s.put("objectives", Objective.names(settings.objectives()));
        s.put("flop_convention", FlopCounter.CONVENTION + "; " + FlopCount.BACKWARD_CONVENTION);
        s.put("quality_proxy", proxy.name()).put("quality_proxy_description", proxy.description()).put("quality_clips", proxy.clipCount())
                .put("quality_clip_samples", proxy.clipSamples());
        return s;
    }

    /** Where the study writes its shared caches (rendered datasets). */
    public static Path cacheDir(StudySettings settings) {
        return settings.outputDir().resolve("cache");
    }
}
