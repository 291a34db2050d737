package io.paretone.experiments.cli;

import io.paretone.experiments.config.StudyConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code search} and {@code quickstart}; each one, when given, overrides the
 * same key of the config.
 */
public final class StudyOptions {
    @Option(names = "--families", paramLabel = "NAMES", split = ",",
            description = "Model families to search, comma-separated (default: all; see paretone spaces).")
    java.util.List<String> families;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the whole study (default 42).")
    Long seed;

    @Option(names = "--device", paramLabel = "DEV", description = "auto (a GPU if DJL sees one), cpu, gpu or gpu:N.")
    String device;

    @picocli.CommandLine.Mixin
    AllowDownloadOption allowDownload = new AllowDownloadOption();

    @Option(names = "--output", paramLabel = "DIR", description = "Folder for runs and caches (default runs).")
    Path output;

    @Option(names = "--name", paramLabel = "NAME", description = "Study name, used in the run folder's name.")
    String name;

    @Option(names = "--population", paramLabel = "N", description = "Candidates per generation (even).")
    Integer population;

    @Option(names = "--generations", paramLabel = "N", description = "Generations, the initial one included.")
    Integer generations;

    @Option(names = "--carbon-intensity", paramLabel = "KG_PER_KWH",
            description = "Grid carbon intensity (default 0.437, the 2018 world average); overrides --region.")
    Double carbonIntensity;

    @Option(names = "--region", paramLabel = "CODE",
            description = "Country whose average grid intensity to use (ISO 3166 code such as DE, FR, US; shipped table).")
    String region;

    @Option(names = "--pue", paramLabel = "X", description = "Data-centre PUE multiplying energy (default 1.0).")
    Double pue;

    @Option(names = "--watts-per-core", paramLabel = "W",
            description = "Power of one busy logical CPU for the CPU-time estimate; overrides --tdp and the TDP table.")
    Double wattsPerCore;

    @Option(names = "--tdp", paramLabel = "W",
            description = "TDP of the CPU package for the CPU-time estimate (default: the TDP table, else 10 W per CPU).")
    Double tdp;

    @Option(names = "--gpu-tdp", paramLabel = "W",
            description = "TDP of the GPU, for the estimate where NVML cannot read it (default: table, else 300 W).")
    Double gpuTdp;

    @Option(names = "--meter", paramLabel = "KIND",
            description = "Energy meters: auto (RAPL, NVML where readable, else estimates), rapl, nvml or estimate.")
    String meter;

    @Option(names = "--carbon-budget", paramLabel = "KG",
            description = "Stop the search cleanly once its measured CO2e (candidates and overhead) reaches KG.")
    Double carbonBudget;

    @Option(names = "--max-parameters", paramLabel = "N", description = "Constraint: most trainable parameters.")
    Long maxParameters;

    @Option(names = "--max-co2e-kg", paramLabel = "KG", description = "Constraint: most training CO2e per candidate.")
    Double maxCo2eKg;

    @Option(names = "--objectives", paramLabel = "NAMES", split = ",",
            description = "Minimised objectives, comma-separated, among co2e, parameters, flops, one_minus_pmos,"
                    + " inference_energy, latency (default co2e,parameters,flops,one_minus_pmos).")
    List<String> objectives;

    @Option(names = "--notes", paramLabel = "N", description = "Notes rendered for the built-in dataset.")
    Integer notes;

    @Option(names = "--max-flops", paramLabel = "N",
            description = "Constraint: most forward FLOPs per generated second of audio.")
    Double maxFlops;

    @Option(names = "--min-percent-mos", paramLabel = "X", description = "Constraint: least quality proxy %%MOS (0-1).")
    Double minPercentMos;

    @Option(names = "--study", paramLabel = "NAME",
            description = "The stored study: an existing one resumes (completed trials are kept, interrupted ones rerun);"
                    + " a new name starts one. Default: a new study named NAME-DATE-TIME.")
    String study;

    @Option(names = "--storage", paramLabel = "FILE", description = "The trial store (SQLite; default OUTPUT/paretone.db).")
    Path storage;

    @Option(names = "--algorithm", paramLabel = "ALG", description = "nsga2 (default), nsga2-async (steady-state:"
            + " a new candidate as soon as a worker is free) or random.")
    String algorithm;

    @Option(names = "--workers", paramLabel = "N",
            description = "Worker processes training candidates in parallel, or auto (default): one on a CPU, on a GPU"
                    + " as many as keep it busy and fit in its memory; several may share a GPU.")
    String workers;

    @Option(names = "--devices", paramLabel = "LIST", split = ",",
            description = "Devices handed to workers in turn: cpu, or GPU indices such as 0,1 (default: --device).")
    List<String> devices;

    @Option(names = "--engine", paramLabel = "NAME",
            description = "Where workers run: local (default), or spark (a Spark cluster; needs the Spark build, see the"
                    + " README). With spark, --workers is how many candidates run at once.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "The Spark master for --engine spark, such as spark://host:7077 or local[2].")
    String master;

    @Option(names = "--trial-timeout", paramLabel = "SECONDS",
            description = "A trial still training after this long is stopped and FAILED (default 3600).")
    Double trialTimeout;

    @Option(names = "--worker-memory", paramLabel = "MB", description = "Java heap of each worker (default: the JVM's).")
    Integer workerMemory;

    @Option(names = "--max-trials", paramLabel = "N", description = "Stop once this many trials have finished.")
    Integer maxTrials;

    @Option(names = "--max-trial-joules", paramLabel = "J", description = "Stop starting trials once the finished"
            + " ones have been charged J joules (their own shares of shared devices; overhead not counted): compares"
            + " searches at equal energy spent on candidates.")
    Double maxTrialJoules;

    @Option(names = "--max-wall-minutes", paramLabel = "M", description = "Stop once the study has run this long.")
    Double maxWallMinutes;

    @Option(names = "--stagnation", paramLabel = "K", description = "Stop after K generations without hypervolume gain.")
    Integer stagnation;

    @Option(names = "--prune-at", paramLabel = "FRACTIONS", split = ",",
            description = "Measure candidates after these fractions of training (such as 0.5) and stop those the front"
                    + " already dominates (default: no pruning).")
    List<Double> pruneAt;

    @Option(names = "--prune-margin", paramLabel = "X",
            description = "Normalised quality margin by which the front must dominate to prune (default 0.1).")
    Double pruneMargin;

    @Option(names = "--domain", paramLabel = "DOMAIN",
            description = "What to generate: audio (default) or image (families dcgan, convvae, pixelcnn on rendered"
                    + " digits unless --dataset says otherwise).")
    String domain;

    @Option(names = "--dataset", paramLabel = "KIND",
            description = "Dataset: notes (built in), digits (spoken, needs espeak-ng or flite) or wav-folder for audio;"
                    + " digits-rendered (built in) or image-folder for images.")
    String dataset;

    @Option(names = "--dataset-folder", paramLabel = "DIR",
            description = "Folder for --dataset wav-folder (WAV files) or image-folder (PNG or JPEG files); labels are"
                    + " its sub-folders' names.")
    Path datasetFolder;

    /** Writes every option that was given over the config. */
    void applyTo(StudyConfig c) {
        if (domain != null) c.domain = domain;
        if (families != null) c.families = families;
        if (seed != null) c.seed = seed;
        if (device != null) c.device = device;
        if (allowDownload.given != null) c.allowDownload = allowDownload.given;
        if (output != null) c.output = output.toString();
        if (name != null) c.name = name;
        if (population != null) c.population = population;
        if (generations != null) c.generations = generations;
        if (carbonIntensity != null) c.energy.carbonIntensity = carbonIntensity;
        if (pue != null) c.energy.pue = pue;
        if (region != null) c.energy.region = region;
        if (wattsPerCore != null) c.energy.wattsPerCore = wattsPerCore;
        if (tdp != null) c.energy.tdp = tdp;
        if (gpuTdp != null) c.energy.gpuTdp = gpuTdp;
        if (meter != null) c.energy.meter = meter;
        if (carbonBudget != null) c.energy.carbonBudgetKg = carbonBudget;
        if (maxParameters != null) c.constraints.maxParameters = maxParameters;
        if (maxCo2eKg != null) c.constraints.maxCo2eKg = maxCo2eKg;
        if (dataset != null && !dataset.equals(c.dataset.kind)) {
            // Another kind than the config's: its kind-specific keys no longer apply.
            StudyConfig.DatasetConfig fresh = new StudyConfig.DatasetConfig();
            fresh.clipSeconds = c.dataset.clipSeconds;
            fresh.sampleRate = c.dataset.sampleRate;
            c.dataset = fresh;
        }
        if (dataset != null) c.dataset.kind = dataset;
        if (notes != null) c.dataset.notes = notes;
        if (maxFlops != null) c.constraints.maxFlops = maxFlops;
        if (minPercentMos != null) c.constraints.minPercentMos = minPercentMos;
        if (study != null) c.study = study;
        if (storage != null) c.storage = storage.toString();
        if (algorithm != null) c.algorithm = algorithm;
        if (workers != null) c.workers.count = workers;
        if (devices != null) c.workers.devices = devices;
        if (engine != null) c.workers.engine = engine;
        if (master != null) c.workers.master = master;
        if (trialTimeout != null) c.workers.trialTimeoutSeconds = trialTimeout;
        if (workerMemory != null) c.workers.memoryMb = workerMemory;
        if (maxTrials != null) c.budget.maxTrials = maxTrials;
        if (maxWallMinutes != null) c.budget.maxWallMinutes = maxWallMinutes;
        if (maxTrialJoules != null) c.budget.maxTrialJoules = maxTrialJoules;
        if (stagnation != null) c.budget.stagnationGenerations = stagnation;
        if (pruneAt != null) c.pruning.checkpoints = pruneAt;
        if (pruneMargin != null) c.pruning.margin = pruneMargin;
        if (datasetFolder != null) c.dataset.folder = datasetFolder.toString();
        if (objectives != null) c.objectives = objectives;
    }
}
