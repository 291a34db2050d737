package io.paretone.experiments.config;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.Constraints;
import io.paretone.search.StudySettings;
import io.paretone.spaces.ModelFamilies;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.check.InvalidValueException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps a {@link StudyConfig} onto the library's {@link StudySettings}; keys left out keep their defaults. */
public final class StudyConfigMapper {
    private StudyConfigMapper() {}

    public static StudySettings toSettings(StudyConfig c) {
        ModelFamily family = ModelFamilies.byName(c.family == null ? "wavenet" : c.family);
        StudySettings.Builder b = StudySettings.builder(family);
        if (c.name != null) b.optName(c.name);
        if (c.seed != null) b.optSeed(c.seed);
        if (c.population != null) b.optPopulationSize(c.population);
        if (c.generations != null) b.optGenerations(c.generations);
        if (c.device != null) b.optDevice(c.device);
        if (c.output != null) b.optOutputDir(Path.of(c.output));
        if (c.objectives != null) b.optObjectives(Objective.byNames(c.objectives));
        if (c.quality.clips != null) b.optQualityClips(c.quality.clips);
        if (c.quality.clipSeconds != null) b.optQualityClipSeconds(c.quality.clipSeconds);
        if (c.energy.wattsPerCore != null) b.optWattsPerCore(c.energy.wattsPerCore);
        CarbonAccounting defaults = CarbonAccounting.worldAverage();
        b.optCarbon(new CarbonAccounting(
                c.energy.carbonIntensity == null ? defaults.kgPerKwh() : c.energy.carbonIntensity,
                c.energy.pue == null ? defaults.pue() : c.energy.pue));
        b.optConstraints(new Constraints(
                c.constraints.maxParameters == null ? 0 : c.constraints.maxParameters,
                c.constraints.maxCo2eKg == null ? 0 : c.constraints.maxCo2eKg));
        if (!c.space.isEmpty()) {
            Map<String, double[]> allowed = new LinkedHashMap<>();
            for (Map.Entry<String, List<Double>> e : c.space.entrySet()) {
                if (e.getValue() == null || e.getValue().isEmpty()) {
                    throw new InvalidValueException("space." + e.getKey(), e.getValue(), "list at least one value");
                }
                allowed.put(e.getKey(), e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            }
            b.optSpace(family.space().restrict(allowed));
        }
        return b.build();
    }
}
