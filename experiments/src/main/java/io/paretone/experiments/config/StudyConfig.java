package io.paretone.experiments.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study as written in YAML. Every key is optional; unknown keys are errors. Field names are the
 * YAML keys. Values left out take the defaults of {@code StudySettings} and the dataset. What each
 * key means, the option that overrides it and its default are declared once, in
 * {@link StudySchema}; a test checks that every key here has its entry there.
 */
public final class StudyConfig {
    public String name;
    public String study;
    public String domain;
    public List<String> families;
    public Long seed;
    public Integer population;
    public Integer generations;
    public String device;

    @JsonProperty("allow_download")
    public Boolean allowDownload;

    public String output;
    public String algorithm;
    public String storage;
    public List<String> objectives;
    public DatasetConfig dataset = new DatasetConfig();
    public QualityConfig quality = new QualityConfig();
    public EnergyConfig energy = new EnergyConfig();
    public ConstraintsConfig constraints = new ConstraintsConfig();
    public BudgetConfig budget = new BudgetConfig();
    public WorkersConfig workers = new WorkersConfig();
    public PruningConfig pruning = new PruningConfig();
    public Map<String, List<Double>> hypervolume = new LinkedHashMap<>();
    public Map<String, List<String>> space = new LinkedHashMap<>();

    /** The dataset: an audio kind, or an image kind for the image domain. */
    public static final class DatasetConfig {
        public String kind;

        @JsonProperty("clip_seconds")
        public Double clipSeconds;

        @JsonProperty("sample_rate")
        public Integer sampleRate;

        public Integer notes;
        public List<Integer> programs;
        public List<Integer> velocities;
        public List<Integer> pitches;

        @JsonProperty("note_off")
        public List<Double> noteOff;

        public Integer clips;
        public String engine;
        public List<String> voices;
        public List<Double> pitch;
        public List<Double> rate;
        public String folder;

        @JsonProperty("train_per_class")
        public Integer trainPerClass;

        @JsonProperty("held_out_per_class")
        public Integer heldOutPerClass;

        @JsonProperty("max_clips")
        public Integer maxClips;
    }

    public static final class QualityConfig {
        public Integer clips;

        @JsonProperty("clip_seconds")
        public Double clipSeconds;
    }

    public static final class EnergyConfig {
        public String region;

        @JsonProperty("carbon_intensity")
        public Double carbonIntensity;

        public Double pue;
        public String meter;

        @JsonProperty("watts_per_core")
        public Double wattsPerCore;

        public Double tdp;

        @JsonProperty("gpu_tdp")
        public Double gpuTdp;

        @JsonProperty("ram_watts_per_gb")
        public Double ramWattsPerGb;

        @JsonProperty("carbon_budget_kg")
        public Double carbonBudgetKg;
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

        @JsonProperty("max_trial_joules")
        public Double maxTrialJoules;
    }

    /** The worker processes that train candidates. */
    public static final class WorkersConfig {
        public String count;
        public List<String> devices;

        @JsonProperty("trial_timeout_seconds")
        public Double trialTimeoutSeconds;

        @JsonProperty("memory_mb")
        public Integer memoryMb;

        public String engine;
        public String master;
    }

    /** Multi-objective early stopping. */
    public static final class PruningConfig {
        public List<Double> checkpoints;
        public Double margin;
    }
}
