package io.paretone.experiments.config;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.EnergySettings;
import io.paretone.evaluators.energy.MeterChoice;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.Constraints;
import io.paretone.search.StudySettings;
import io.paretone.spaces.ModelFamilies;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.genome.SearchSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Maps a {@link StudyConfig} onto the library's {@link StudySettings}; keys left out keep their defaults. */
public final class StudyConfigMapper {
    private StudyConfigMapper() {}

    public static StudySettings toSettings(StudyConfig c) {
        SearchSpace space = c.families == null ? ModelFamilies.space() : ModelFamilies.space(c.families);
        StudySettings.Builder b = StudySettings.builder();
        if (c.name != null) b.optName(c.name);
        if (c.seed != null) b.optSeed(c.seed);
        if (c.population != null) b.optPopulationSize(c.population);
        if (c.generations != null) b.optGenerations(c.generations);
        if (c.device != null) b.optDevice(c.device);
        if (c.output != null) b.optOutputDir(Path.of(c.output));
        if (c.objectives != null) b.optObjectives(Objective.byNames(c.objectives));
        if (c.quality.clips != null) b.optQualityClips(c.quality.clips);
        if (c.quality.clipSeconds != null) b.optQualityClipSeconds(c.quality.clipSeconds);
        b.optCarbon(CarbonAccounting.of(c.energy.region, c.energy.carbonIntensity, c.energy.pue));
        b.optEnergy(energy(c.energy));
        if (c.energy.carbonBudgetKg != null) {
            b.optCarbonBudgetKg(c.energy.carbonBudgetKg);
        }
        b.optConstraints(new Constraints(
                c.constraints.maxParameters == null ? 0 : c.constraints.maxParameters,
                c.constraints.maxCo2eKg == null ? 0 : c.constraints.maxCo2eKg));
        for (Map.Entry<String, List<String>> e : c.space.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new InvalidValueException("space." + e.getKey(), e.getValue(), "list at least one value");
            }
            if (!space.contains(e.getKey())) {
                throw new InvalidValueException("space." + e.getKey(), e.getValue(),
                        "is not a gene of the families searched " + (c.families == null ? ModelFamilies.names() : c.families)
                                + "; family genes are written family.gene, such as wavenet.layers (see paretone spaces)");
            }
        }
        b.optSpace(space.restrict(c.space));
        return b.build();
    }

    private static EnergySettings energy(StudyConfig.EnergyConfig e) {
        EnergySettings s = EnergySettings.defaults();
        if (e.meter != null) s = s.withMeter(MeterChoice.parse(e.meter));
        if (e.wattsPerCore != null) s = s.withWattsPerCpu(e.wattsPerCore);
        if (e.tdp != null) s = s.withCpuTdpWatts(e.tdp);
        if (e.gpuTdp != null) s = s.withGpuTdpWatts(e.gpuTdp);
        if (e.ramWattsPerGb != null) s = s.withRamWattsPerGb(e.ramWattsPerGb);
        return s;
    }
}
