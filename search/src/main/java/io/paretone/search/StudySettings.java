package io.paretone.search;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.EnergySettings;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.trial.Constraints;
import io.paretone.search.worker.EngineChoice;
import io.paretone.search.worker.QualityProxies;
import io.paretone.search.worker.WorkerMain;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.SearchSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * @param study the stored study's name: an existing one resumes; null for a new study named
 *     {@code name-date-time}
 * @param storage the trial store's file; null for {@code outputDir/paretone.db}
 * @param algorithm the name of a {@link StudyAlgorithm} ({@link StudyAlgorithm#id()})
 * @param hypervolumeBounds objective name to {low, high}, overriding the default bounds
 * @param qualityProxy the quality proxy's name, see {@link QualityProxies}
 * @param energy how energy is measured: meters, TDPs, RAM power
 * @param objectives the minimised objectives, in the order of every objective vector of the study
 * @param engine where the workers run: on this machine, or on a cluster
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
        String study,
        Path storage,
        String algorithm,
        Budget budget,
        Workers workers,
        Pruning pruning,
        Map<String, double[]> hypervolumeBounds,
        String qualityProxy,
        List<Objective> objectives,
        double carbonBudgetKg,
        EngineChoice engine) {

    /** These settings with other workers. */
    public StudySettings withWorkers(Workers w) {
        return new StudySettings(
                name,
                space,
                seed,
                populationSize,
                generations,
                device,
                outputDir,
                constraints,
                carbon,
                energy,
                qualityClips,
                qualityClipSeconds,
                study,
                storage,
                algorithm,
                budget,
                w,
                pruning,
                hypervolumeBounds,
                qualityProxy,
                objectives,
                carbonBudgetKg,
                engine);
    }

    /** Where run folders go unless the user says otherwise. */
    public static final Path DEFAULT_OUTPUT_DIR = Path.of("runs");

    public StudySettings {
        Check.notNull("name", name);
        Check.that(name.matches("[A-Za-z0-9._-]+"), "name", name, "use letters, digits, '.', '_' or '-'");
        Check.notNull("space", space);
        Check.that(
                space.contains(ModelFamilies.FAMILY),
                "space",
                space.name(),
                "must be a mixed space over families, from ModelFamilies.space(...)");
        Check.atLeast("population", populationSize, 2);
        Check.that(populationSize % 2 == 0, "population", populationSize, "must be even (NSGA-II breeds in pairs)");
        Check.positive("generations", generations);
        Check.notNull("device", device);
        checkDevice("device", device);
        Check.notNull("output", outputDir);
        Check.notNull("constraints", constraints);
        Check.notNull("carbon", carbon);
        Check.notNull("energy", energy);
        Check.that(
                carbonBudgetKg >= 0 && Double.isFinite(carbonBudgetKg),
                "carbon_budget_kg",
                carbonBudgetKg,
                "must be a positive number of kgCO2e (0 = no budget)");
        Check.positive("quality_clips", qualityClips);
        Check.positive("quality_clip_seconds", qualityClipSeconds);
        if (study != null) {
            Check.that(study.matches("[A-Za-z0-9._-]+"), "study", study, "use letters, digits, '.', '_' or '-'");
        }
        Check.that(StudyAlgorithm.named(algorithm) != null, "algorithm", algorithm, "use " + StudyAlgorithm.choices());
        Check.notNull("budget", budget);
        Check.notNull("workers", workers);
        Check.notNull("pruning", pruning);
        hypervolumeBounds = Map.copyOf(hypervolumeBounds);
        QualityProxies.check(qualityProxy);
        objectives = Objective.checkSet(objectives);
        Check.notNull("engine", engine);
    }

    /** Checks a device name's form; whether such a GPU exists is checked by the workers. */
    static void checkDevice(String key, String device) {
        Check.that(
                device.trim().toLowerCase(java.util.Locale.ROOT).matches("auto|cpu|gpu(:\\d+)?"),
                key,
                device,
                "use auto, cpu, gpu or gpu:N");
    }

    /** The trial store's file. */
    public Path storageFile() {
        return storage != null ? storage : outputDir.resolve("paretone.db");
    }

    /**
     * When to stop besides {@code generations}; 0 turns a limit off.
     *
     * @param maxTrials trials that may finish (trained, failed or pruned), all sessions together
     * @param maxWallSeconds wall time of the study, all sessions together
     * @param stagnationGenerations stop when the hypervolume has not grown for this many generations
     * @param maxTrialJoules energy that finished trials may be charged (each its own share of a
     *     shared device), all sessions together; unlike the carbon budget it leaves out the
     *     overhead (workers' set-up, idle devices, scheduling), so searches are compared at equal
     *     energy spent on candidates
     */
    public record Budget(int maxTrials, double maxWallSeconds, int stagnationGenerations, double maxTrialJoules) {
        public static final Budget NONE = new Budget(0, 0, 0, 0);

        public Budget {
            Check.that(maxTrials >= 0, "max_trials", maxTrials, "must be 0 (none) or positive");
            Check.that(maxWallSeconds >= 0, "max_wall_minutes", maxWallSeconds / 60, "must be 0 (none) or positive");
            Check.that(
                    stagnationGenerations >= 0,
                    "stagnation_generations",
                    stagnationGenerations,
                    "must be 0 (off) or positive");
            Check.that(
                    maxTrialJoules >= 0 && Double.isFinite(maxTrialJoules),
                    "max_trial_joules",
                    maxTrialJoules,
                    "must be 0 (none) or a positive number of joules");
        }
    }

    /**
     * The worker processes that train candidates.
     *
     * @param count worker processes; several may share one device
     * @param devices devices handed to workers in turn ({@code cpu}, {@code gpu:0}, ...); empty for
     *     the study's {@code device}
     * @param trialTimeoutSeconds a trial still running after this long is stopped and FAILED
     * @param heapMegabytes each worker's Java heap ({@code -Xmx}); 0 for the JVM's default
     * @param mainClass the worker's entry point (tests substitute their own)
     */
    public record Workers(
            int count, List<String> devices, double trialTimeoutSeconds, int heapMegabytes, String mainClass) {
        /** The count that asks for workers chosen from the GPU ({@code --workers auto}); one on a CPU. */
        public static final int AUTO = 0;

        public Workers {
            Check.that(count >= 0, "workers", count, "give a number of workers, or auto");
            devices = List.copyOf(devices);
            devices.forEach(d -> checkDevice("devices", d));
            Check.positive("trial_timeout", trialTimeoutSeconds);
            Check.that(heapMegabytes >= 0, "worker_memory", heapMegabytes, "must be 0 (default) or a size in MB");
            Check.notNull("worker main class", mainClass);
        }

        public Workers withCount(int n) {
            return new Workers(n, devices, trialTimeoutSeconds, heapMegabytes, mainClass);
        }
    }

    /**
     * Multi-objective early stopping: a candidate is measured after each fraction of its training
     * in {@code checkpoints}, and stopped (PRUNED) if the front dominates it with {@code margin}.
     *
     * @param checkpoints fractions in (0, 1); empty turns pruning off
     * @param margin in normalised objective units, applied to objectives still improving with
     *     training (quality)
     */
    public record Pruning(double[] checkpoints, double margin) {
        public static final Pruning OFF = new Pruning(new double[0], 0.1);

        public Pruning {
            checkpoints = checkpoints.clone();
            for (double c : checkpoints) {
                Check.that(c > 0 && c < 1, "prune_at", c, "give fractions of training between 0 and 1, such as 0.5");
            }
            Check.that(margin >= 0 && margin < 1, "prune_margin", margin, "give a margin between 0 and 1, such as 0.1");
        }

        public boolean enabled() {
            return checkpoints.length > 0;
        }
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
        private String study;
        private Path storage;
        private String algorithm = StudyAlgorithm.NSGA_II.id();
        private Budget budget = Budget.NONE;
        private Workers workers = new Workers(Workers.AUTO, List.of(), 3600, 0, WorkerMain.class.getName());
        private Pruning pruning = Pruning.OFF;
        private Map<String, double[]> hypervolumeBounds = Map.of();
        private String qualityProxy = QualityProxies.JUDGE;
        private double carbonBudgetKg = 0;
        private List<Objective> objectives =
                List.of(Objective.CO2E, Objective.PARAMETERS, Objective.FLOPS, Objective.QUALITY);
        private EngineChoice engine = EngineChoice.LOCAL;

        private Builder() {}

        public Builder optName(String v) {
            name = v;
            return this;
        }

        public Builder optSpace(SearchSpace v) {
            space = v;
            return this;
        }

        public Builder optSeed(long v) {
            seed = v;
            return this;
        }

        public Builder optPopulationSize(int v) {
            populationSize = v;
            return this;
        }

        public Builder optGenerations(int v) {
            generations = v;
            return this;
        }

        public Builder optDevice(String v) {
            device = v;
            return this;
        }

        public Builder optOutputDir(Path v) {
            outputDir = v;
            return this;
        }

        public Builder optConstraints(Constraints v) {
            constraints = v;
            return this;
        }

        public Builder optCarbon(CarbonAccounting v) {
            carbon = v;
            return this;
        }

        public Builder optEnergy(EnergySettings v) {
            energy = v;
            return this;
        }

        public Builder optCarbonBudgetKg(double v) {
            carbonBudgetKg = v;
            return this;
        }

        public Builder optQualityClips(int v) {
            qualityClips = v;
            return this;
        }

        public Builder optQualityClipSeconds(double v) {
            qualityClipSeconds = v;
            return this;
        }

        public Builder optStudy(String v) {
            study = v;
            return this;
        }

        public Builder optStorage(Path v) {
            storage = v;
            return this;
        }

        public Builder optAlgorithm(String v) {
            algorithm = v;
            return this;
        }

        public Builder optBudget(Budget v) {
            budget = v;
            return this;
        }

        public Builder optWorkers(Workers v) {
            workers = v;
            return this;
        }

        public Builder optPruning(Pruning v) {
            pruning = v;
            return this;
        }

        public Builder optHypervolumeBounds(Map<String, double[]> v) {
            hypervolumeBounds = v;
            return this;
        }

        public Builder optQualityProxy(String v) {
            qualityProxy = v;
            return this;
        }

        public Builder optEngine(EngineChoice v) {
            engine = v;
            return this;
        }

        /** The current worker settings, to change one of them. */
        public Workers workers() {
            return workers;
        }

        /** The current budget, to change one of it. */
        public Budget budget() {
            return budget;
        }

        /** The current pruning settings, to change one of them. */
        public Pruning pruning() {
            return pruning;
        }

        public Builder optObjectives(List<Objective> v) {
            objectives = v;
            return this;
        }

        public StudySettings build() {
            return new StudySettings(
                    name,
                    space,
                    seed,
                    populationSize,
                    generations,
                    device,
                    outputDir,
                    constraints,
                    carbon,
                    energy,
                    qualityClips,
                    qualityClipSeconds,
                    study,
                    storage,
                    algorithm,
                    budget,
                    workers,
                    pruning,
                    hypervolumeBounds,
                    qualityProxy,
                    objectives,
                    carbonBudgetKg,
                    engine);
        }
    }
}
