package io.paretone.search;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.CpuTimeEnergyMeter;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.genome.SearchSpace;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a study needs besides its data. Defaults live here and only here, in {@link Builder}.
 *
 * @param space the family's genes, possibly restricted by the user
 * @param generations generations to evaluate, the initial population included
 * @param qualityClips clips generated and judged per candidate (the same N for every candidate
 *     and for the references)
 * @param qualityClipSeconds length of each judged clip
 * @param wattsPerCore power figure of the CPU-time energy estimate
 * @param objectives the minimised objectives, in the order of every objective vector of the study
 */
public record StudySettings(
        String name,
        ModelFamily family,
        SearchSpace space,
        long seed,
        int populationSize,
        int generations,
        String device,
        Path outputDir,
        Constraints constraints,
        CarbonAccounting carbon,
        double wattsPerCore,
        int qualityClips,
        double qualityClipSeconds,
        List<Objective> objectives) {

    public StudySettings {
        Check.notNull("name", name);
        Check.that(name.matches("[A-Za-z0-9._-]+"), "name", name, "use letters, digits, '.', '_' or '-'");
        Check.notNull("family", family);
        Check.notNull("space", space);
        Check.atLeast("population", populationSize, 2);
        Check.that(populationSize % 2 == 0, "population", populationSize, "must be even (NSGA-II breeds in pairs)");
        Check.positive("generations", generations);
        Check.notNull("output", outputDir);
        Check.notNull("constraints", constraints);
        Check.notNull("carbon", carbon);
        Check.positive("watts_per_core", wattsPerCore);
        Check.positive("quality_clips", qualityClips);
        Check.positive("quality_clip_seconds", qualityClipSeconds);
        objectives = Objective.checkSet(objectives);
    }

    public static Builder builder(ModelFamily family) {
        return new Builder(family);
    }

    /** Settings with their defaults; {@code setX} for what is required, {@code optX} otherwise. */
    public static final class Builder {
        private final ModelFamily family;
        private String name = "study";
        private SearchSpace space;
        private long seed = 42;
        private int populationSize = 8;
        private int generations = 3;
        private String device = "auto";
        private Path outputDir = Path.of("runs");
        private Constraints constraints = Constraints.NONE;
        private CarbonAccounting carbon = CarbonAccounting.worldAverage();
        private double wattsPerCore = CpuTimeEnergyMeter.DEFAULT_WATTS_PER_CORE;
        private int qualityClips = 32;
        private double qualityClipSeconds = 0.25;
        private List<Objective> objectives =
                List.of(Objective.CO2E, Objective.PARAMETERS, Objective.FLOPS, Objective.QUALITY);

        private Builder(ModelFamily family) {
            this.family = family;
            this.space = family.space();
        }

        public Builder optName(String v) { name = v; return this; }
        public Builder optSpace(SearchSpace v) { space = v; return this; }
        public Builder optSeed(long v) { seed = v; return this; }
        public Builder optPopulationSize(int v) { populationSize = v; return this; }
        public Builder optGenerations(int v) { generations = v; return this; }
        public Builder optDevice(String v) { device = v; return this; }
        public Builder optOutputDir(Path v) { outputDir = v; return this; }
        public Builder optConstraints(Constraints v) { constraints = v; return this; }
        public Builder optCarbon(CarbonAccounting v) { carbon = v; return this; }
        public Builder optWattsPerCore(double v) { wattsPerCore = v; return this; }
        public Builder optQualityClips(int v) { qualityClips = v; return this; }
        public Builder optQualityClipSeconds(double v) { qualityClipSeconds = v; return this; }
        public Builder optObjectives(List<Objective> v) { objectives = v; return this; }

        public StudySettings build() {
            return new StudySettings(
                    name, family, space, seed, populationSize, generations, device, outputDir,
                    constraints, carbon, wattsPerCore, qualityClips, qualityClipSeconds, objectives);
        }
    }
}
