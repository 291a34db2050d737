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
    /** The stored study to create or resume; by default a new one named NAME-DATE-TIME. */
    public String study;
    /**
     * {@code audio} or {@code image}: what the study generates. Left out, it follows the families,
     * else the dataset kind, else audio.
     */
    public String domain;
    /** Model families to search over; all of the domain's when left out. */
    public List<String> families;
    public Long seed;
    public Integer population;
    public Integer generations;
    public String device;
    /** Lets DJL download its CUDA build of PyTorch when a GPU is asked for (README, section GPU). */
    @JsonProperty("allow_download")
    public Boolean allowDownload;
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
    /**
     * Gene name (such as {@code training_steps} or {@code wavenet.layers}) to the values the search
     * may use, each one of the gene's allowed values.
     */
    public Map<String, List<String>> space = new LinkedHashMap<>();

    /** The dataset: an audio kind, or an image kind for the image domain. */
    public static final class DatasetConfig {
        /** Audio: {@code notes} (default), {@code digits} or {@code wav-folder}; images: {@code digits-rendered} (default) or {@code image-folder}. */
        public String kind;
        @JsonProperty("clip_seconds")
        public Double clipSeconds;
        @JsonProperty("sample_rate")
        public Integer sampleRate;
        /** notes: how many notes to render. */
        public Integer notes;
        /** notes: General MIDI programs (0-127) to render. */
        public List<Integer> programs;
        /** notes: MIDI velocities drawn from. */
        public List<Integer> velocities;
        /** notes: lowest and highest MIDI note number. */
        public List<Integer> pitches;
        /** notes: earliest and latest note-off, as fractions of the clip. */
        @JsonProperty("note_off")
        public List<Double> noteOff;
        /** digits: how many clips to synthesise. */
        public Integer clips;
        /** digits: auto, espeak-ng or flite. */
        public String engine;
        /** digits: the engine's voices drawn from. */
        public List<String> voices;
        /** digits: lowest and highest pitch, 0 to 1 of the engine's range. */
        public List<Double> pitch;
        /** digits: slowest and fastest speaking rate, relative to normal. */
        public List<Double> rate;
        /** wav-folder, image-folder: the folder of WAV or image files, labels from its sub-folders. */
        public String folder;
        /** digits-rendered: training images per digit. */
        @JsonProperty("train_per_class")
        public Integer trainPerClass;
        /** digits-rendered: validation images per digit, and as many test images. */
        @JsonProperty("held_out_per_class")
        public Integer heldOutPerClass;

        /** wav-folder: most files used. */
        @JsonProperty("max_clips")
        public Integer maxClips;
    }

    public static final class QualityConfig {
        public Integer clips;
        @JsonProperty("clip_seconds")
        public Double clipSeconds;
    }

    public static final class EnergyConfig {
        /** ISO 3166 country code whose average grid intensity to use. */
        public String region;
        @JsonProperty("carbon_intensity")
        public Double carbonIntensity;
        public Double pue;
        /** auto, rapl, nvml or estimate. */
        public String meter;
        @JsonProperty("watts_per_core")
        public Double wattsPerCore;
        /** CPU package TDP in watts. */
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
    }

    /** The worker processes that train candidates. */
    public static final class WorkersConfig {
        /** A number, or {@code auto}: chosen from the GPU (one on a CPU). */
        public String count;
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
