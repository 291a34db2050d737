package io.paretone.search;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.EnergySettings;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.spaces.ModelFamilies;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.SearchSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Everything a study needs besides its data. Defaults live here and only here, in {@link Builder}.
 *
 * @param space the mixed space over the chosen families ({@link ModelFamilies#space(List)}),
 *     possibly restricted further by the user
 * @param generations generations to evaluate, the initial population included
 * @param qualityClips clips generated and judged per candidate (the same N for every candidate
 *     and for the references)
 * @param qualityClipSeconds length of each judged clip
 * @param energy how energy is measured: meters, TDPs, RAM power
 * @param objectives the minimised objectives, in the order of every objective vector of the study
 * @param carbonBudgetKg stop the search once its measured CO2e reaches this many kg; 0 = no budget
 */
public record StudySettings(
        String name,
        SearchSpace space,
        long seed,
        int populationSize,
        int generations,
        String device,
        Path outputDir,
        Constraints constraints,
        CarbonAccounting carbon,
        EnergySettings energy,
        int qualityClips,
        double qualityClipSeconds,
        List<Objective> objectives,
        double carbonBudgetKg) {

    /** Where run folders go unless the user says otherwise. */
    public static final Path DEFAULT_OUTPUT_DIR = Path.of("runs");

    public StudySettings {
        Check.notNull("name", name);
        Check.that(name.matches("[A-Za-z0-9._-]+"), "name", name, "use letters, digits, '.', '_' or '-'");
        Check.notNull("space", space);
        Check.that(space.contains(ModelFamilies.FAMILY), "space", space.name(),
                "must be a mixed space over families, from ModelFamilies.space(...)");
        Check.atLeast("population", populationSize, 2);
        Check.that(populationSize % 2 == 0, "population", populationSize, "must be even (NSGA-II breeds in pairs)");
        Check.positive("generations", generations);
        Check.notNull("output", outputDir);
        Check.notNull("constraints", constraints);
        Check.notNull("carbon", carbon);
        Check.notNull("energy", energy);
        Check.that(carbonBudgetKg >= 0 && Double.isFinite(carbonBudgetKg), "carbon_budget_kg", carbonBudgetKg,
                "must be a positive number of kgCO2e (0 = no budget)");
        Check.positive("quality_clips", qualityClips);
        Check.positive("quality_clip_seconds", qualityClipSeconds);
        objectives = Objective.checkSet(objectives);
    }

    /** The families this study searches, in the order of the family gene. */
    public List<String> families() {
        Gene family = space.gene(ModelFamilies.FAMILY);
        return IntStream.range(0, family.size()).mapToObj(family::text).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings with their defaults; {@code setX} for what is required, {@code optX} otherwise. */
    public static final class Builder {
        private String name = "study";
        private SearchSpace space = ModelFamilies.space();
        private long seed = 42;
        private int populationSize = 8;
        private int generations = 3;
        private String device = "auto";
        private Path outputDir = DEFAULT_OUTPUT_DIR;
        private Constraints constraints = Constraints.NONE;
        private CarbonAccounting carbon = CarbonAccounting.worldAverage();
        private EnergySettings energy = EnergySettings.defaults();
        private int qualityClips = 32;
        private double qualityClipSeconds = 0.25;
        private double carbonBudgetKg = 0;
        private List<Objective> objectives =
                List.of(Objective.CO2E, Objective.PARAMETERS, Objective.FLOPS, Objective.QUALITY);

        private Builder() {}

        public Builder optName(String v) { name = v; return this; }
        public Builder optSpace(SearchSpace v) { space = v; return this; }
        public Builder optSeed(long v) { seed = v; return this; }
        public Builder optPopulationSize(int v) { populationSize = v; return this; }
        public Builder optGenerations(int v) { generations = v; return this; }
        public Builder optDevice(String v) { device = v; return this; }
        public Builder optOutputDir(Path v) { outputDir = v; return this; }
        public Builder optConstraints(Constraints v) { constraints = v; return this; }
        public Builder optCarbon(CarbonAccounting v) { carbon = v; return this; }
        public Builder optEnergy(EnergySettings v) { energy = v; return this; }
        public Builder optCarbonBudgetKg(double v) { carbonBudgetKg = v; return this; }
        public Builder optQualityClips(int v) { qualityClips = v; return this; }
        public Builder optQualityClipSeconds(double v) { qualityClipSeconds = v; return this; }
        public Builder optObjectives(List<Objective> v) { objectives = v; return this; }

        public StudySettings build() {
            return new StudySettings(
                    name, space, seed, populationSize, generations, device, outputDir,
                    constraints, carbon, energy, qualityClips, qualityClipSeconds, objectives, carbonBudgetKg);
        }
    }
}
