package io.paretone.experiments.config;

import static io.paretone.experiments.config.ConfigValues.ifSet;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.EnergySettings;
import io.paretone.evaluators.energy.MeterChoice;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.StudySettings;
import io.paretone.search.trial.Constraints;
import io.paretone.search.worker.EngineChoice;
import io.paretone.spaces.Domain;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.genome.SearchSpace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps a {@link StudyConfig} onto the library's {@link StudySettings}; keys left out keep their defaults. */
public final class StudyConfigMapper {
    private StudyConfigMapper() {}

    /**
     * The study's domain: as configured, else that of the families named, else that of the dataset
     * kind, else audio.
     *
     * @throws InvalidValueException for an unknown domain or family
     */
    public static Domain domain(StudyConfig c) {
        if (c.domain != null) {
            return Domain.byId(c.domain);
        }
        if (c.families != null && !c.families.isEmpty()) {
            return ModelFamilies.byName(c.families.get(0)).domain();
        }
        Domain ofKind = DatasetFactory.domainOf(c.dataset.kind);
        return ofKind != null ? ofKind : Domain.AUDIO;
    }

    public static StudySettings toSettings(StudyConfig c) {
        Domain domain = domain(c);
        SearchSpace space = c.families == null ? ModelFamilies.space(domain) : ModelFamilies.space(c.families);
        if (ModelFamilies.domainOf(space) != domain) {
            throw new InvalidValueException(
                    "families",
                    c.families,
                    "generate " + ModelFamilies.domainOf(space)
                            + " but the study's domain is " + domain + "; name " + domain + " families ("
                            + String.join(", ", ModelFamilies.names(domain)) + ") or leave families out");
        }
        StudySettings.Builder b = StudySettings.builder();
        ifSet(c.name, b::optName);
        ifSet(c.study, b::optStudy);
        ifSet(c.seed, b::optSeed);
        ifSet(c.population, b::optPopulationSize);
        ifSet(c.generations, b::optGenerations);
        ifSet(c.device, b::optDevice);
        ifSet(c.output, v -> b.optOutputDir(Path.of(v)));
        ifSet(c.objectives, v -> b.optObjectives(Objective.byNames(v)));
        ifSet(c.quality.clips, b::optQualityClips);
        ifSet(c.quality.clipSeconds, b::optQualityClipSeconds);
        b.optCarbon(CarbonAccounting.of(c.energy.region, c.energy.carbonIntensity, c.energy.pue));
        b.optEnergy(energy(c.energy));
        if (c.energy.carbonBudgetKg != null) {
            b.optCarbonBudgetKg(c.energy.carbonBudgetKg);
        }
        b.optConstraints(new Constraints(
                c.constraints.maxParameters == null ? 0 : c.constraints.maxParameters,
                c.constraints.maxFlops == null ? 0 : c.constraints.maxFlops,
                c.constraints.maxCo2eKg == null ? 0 : c.constraints.maxCo2eKg,
                c.constraints.minPercentMos == null ? 0 : c.constraints.minPercentMos));
        ifSet(c.algorithm, b::optAlgorithm);
        ifSet(c.storage, v -> b.optStorage(Path.of(v)));
        StudySettings.Budget budget = b.budget();
        b.optBudget(new StudySettings.Budget(
                c.budget.maxTrials == null ? budget.maxTrials() : c.budget.maxTrials,
                c.budget.maxWallMinutes == null ? budget.maxWallSeconds() : c.budget.maxWallMinutes * 60,
                c.budget.stagnationGenerations == null
                        ? budget.stagnationGenerations()
                        : c.budget.stagnationGenerations,
                c.budget.maxTrialJoules == null ? budget.maxTrialJoules() : c.budget.maxTrialJoules));
        StudySettings.Workers workers = b.workers();
        b.optWorkers(new StudySettings.Workers(
                c.workers.count == null ? workers.count() : workerCount(c.workers.count),
                c.workers.devices == null ? workers.devices() : devices(c.workers.devices),
                c.workers.trialTimeoutSeconds == null ? workers.trialTimeoutSeconds() : c.workers.trialTimeoutSeconds,
                c.workers.memoryMb == null ? workers.heapMegabytes() : c.workers.memoryMb,
                workers.mainClass()));
        if (c.workers.engine != null || c.workers.master != null) {
            b.optEngine(new EngineChoice(
                    c.workers.engine == null ? EngineChoice.LOCAL.name() : c.workers.engine, c.workers.master));
        }
        StudySettings.Pruning pruning = b.pruning();
        b.optPruning(new StudySettings.Pruning(
                c.pruning.checkpoints == null
                        ? pruning.checkpoints()
                        : c.pruning.checkpoints.stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray(),
                c.pruning.margin == null ? pruning.margin() : c.pruning.margin));
        Map<String, double[]> bounds = new LinkedHashMap<>();
        c.hypervolume.forEach((k, v) -> bounds.put(
                k,
                v == null
                        ? new double[0]
                        : v.stream().mapToDouble(Double::doubleValue).toArray()));
        b.optHypervolumeBounds(bounds);
        for (Map.Entry<String, List<String>> e : c.space.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new InvalidValueException("space." + e.getKey(), e.getValue(), "list at least one value");
            }
            if (!space.contains(e.getKey())) {
                throw new InvalidValueException(
                        "space." + e.getKey(),
                        e.getValue(),
                        "is not a gene of the families searched "
                                + (c.families == null ? ModelFamilies.names(domain) : c.families)
                                + "; family genes are written family.gene, such as wavenet.layers (see paretone spaces)");
            }
        }
        b.optSpace(space.restrict(c.space));
        return b.build();
    }

    /**
     * Device names from {@code cpu}, GPU indices ({@code 0}) or names ({@code gpu:1}); one list
     * entry may hold several separated by commas, as {@code --devices 0,1} gives them.
     */
    public static List<String> devices(List<String> given) {
        List<String> out = new java.util.ArrayList<>();
        for (String entry : given) {
            for (String d : entry.split(",")) {
                String t = d.trim();
                if (t.isEmpty()) {
                    continue;
                }
                out.add(t.matches("\\d+") ? "gpu:" + t : t);
            }
        }
        if (out.isEmpty()) {
            throw new InvalidValueException("devices", given, "name at least one: cpu, or GPU indices such as 0,1");
        }
        return out;
    }

    private static EnergySettings energy(StudyConfig.EnergyConfig e) {
        EnergySettings s = EnergySettings.defaults();
        if (e.meter != null) {
            s = s.withMeter(MeterChoice.parse(e.meter));
        }
        if (e.wattsPerCore != null) {
            s = s.withWattsPerCpu(e.wattsPerCore);
        }
        if (e.tdp != null) {
            s = s.withCpuTdpWatts(e.tdp);
        }
        if (e.gpuTdp != null) {
            s = s.withGpuTdpWatts(e.gpuTdp);
        }
        if (e.ramWattsPerGb != null) {
            s = s.withRamWattsPerGb(e.ramWattsPerGb);
        }
        return s;
    }

    /** A number of workers, or {@code auto}. */
    static int workerCount(String text) {
        if (text.trim().equalsIgnoreCase("auto")) {
            return StudySettings.Workers.AUTO;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidValueException("workers", text, "give a positive number of workers, or auto");
    }
}
