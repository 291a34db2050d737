package io.paretone.experiments.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study as written in YAML. Every key is optional; unknown keys are errors. Field names are the
 * YAML keys. Values left out take the defaults of {@code StudySettings} and the dataset.
 */
public final class StudyConfig {
    public String name;
    /** The stored study to create or resume; by default a new one named NAME-DATE-TIME. */
    public String study;
    public String family;
    public Long seed;
    public Integer population;
    public Integer generations;
    public String device;
    public String output;
    /** {@code nsga2} or {@code random}. */
    public String algorithm;
    /** The trial store's file; by default {@code output/paretone.db}. */
    public String storage;
    /** Names of the minimised objectives, e.g. [co2e, flops, one_minus_pmos]. */
    public List<String> objectives;
    public DatasetConfig dataset = new DatasetConfig();
    public QualityConfig quality = new QualityConfig();
    public EnergyConfig energy = new EnergyConfig();
    public ConstraintsConfig constraints = new ConstraintsConfig();
    public BudgetConfig budget = new BudgetConfig();
    public WorkersConfig workers = new WorkersConfig();
    public PruningConfig pruning = new PruningConfig();
    /** Objective name to [low, high]: the fixed bounds that normalise it for the hypervolume. */
    public Map<String, List<Double>> hypervolume = new LinkedHashMap<>();
    /** Gene name to the values the search may use, each one of the family's allowed values. */
    public Map<String, List<Double>> space = new LinkedHashMap<>();

    /** The dataset; only the built-in {@code notes} so far. */
    public static final class DatasetConfig {
        public String kind;
        public Integer notes;
        @JsonProperty("clip_seconds")
        public Double clipSeconds;
        /** General MIDI programs (0-127) to render. */
        public List<Integer> programs;
    }

    public static final class QualityConfig {
        public Integer clips;
        @JsonProperty("clip_seconds")
        public Double clipSeconds;
    }

    public static final class EnergyConfig {
        @JsonProperty("carbon_intensity")
        public Double carbonIntensity;
        public Double pue;
        @JsonProperty("watts_per_core")
        public Double wattsPerCore;
    }

    public static final class ConstraintsConfig {
        @JsonProperty("max_parameters")
        public Long maxParameters;
        @JsonProperty("max_co2e_kg")
        public Double maxCo2eKg;
        @JsonProperty("max_flops")
        public Double maxFlops;
        @JsonProperty("min_percent_mos")
        public Double minPercentMos;
    }

    /** When to stop besides {@code generations}; each limit is off when left out. */
    public static final class BudgetConfig {
        @JsonProperty("max_trials")
        public Integer maxTrials;
        @JsonProperty("max_wall_minutes")
        public Double maxWallMinutes;
        @JsonProperty("stagnation_generations")
        public Integer stagnationGenerations;
    }

    /** The worker processes that train candidates. */
    public static final class WorkersConfig {
        public Integer count;
        /** {@code cpu}, or GPU indices such as {@code [0, 1]}, or device names such as {@code gpu:0}. */
        public List<String> devices;
        @JsonProperty("trial_timeout_seconds")
        public Double trialTimeoutSeconds;
        @JsonProperty("memory_mb")
        public Integer memoryMb;
        /** Where workers run: {@code local} (default) or {@code spark} (needs the Spark build). */
        public String engine;
        /** The cluster of an engine that runs on one: a Spark master URL such as {@code spark://host:7077}. */
        public String master;
    }

    /** Multi-objective early stopping. */
    public static final class PruningConfig {
        /** Fractions of training after which a candidate is measured, such as [0.5]; none turns it off. */
        public List<Double> checkpoints;
        public Double margin;
    }
}
