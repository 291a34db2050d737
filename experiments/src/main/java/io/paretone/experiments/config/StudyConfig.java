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
    /** Model families to search over; all of them when left out. */
    public List<String> families;
    public Long seed;
    public Integer population;
    public Integer generations;
    public String device;
    public String output;
    /** Names of the minimised objectives, e.g. [co2e, flops, one_minus_pmos]. */
    public List<String> objectives;
    public DatasetConfig dataset = new DatasetConfig();
    public QualityConfig quality = new QualityConfig();
    public EnergyConfig energy = new EnergyConfig();
    public ConstraintsConfig constraints = new ConstraintsConfig();
    /**
     * Gene name (such as {@code training_steps} or {@code wavenet.layers}) to the values the search
     * may use, each one of the gene's allowed values.
     */
    public Map<String, List<String>> space = new LinkedHashMap<>();

    /** The dataset; only the built-in {@code notes} so far. */
    public static final class DatasetConfig {
        /** {@code notes} (default), {@code digits} or {@code wav-folder}. */
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
        /** wav-folder: the folder of WAV files, labels from its sub-folders. */
        public String folder;
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
    }
}
