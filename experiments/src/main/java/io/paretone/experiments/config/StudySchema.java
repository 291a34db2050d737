package io.paretone.experiments.config;

import static io.paretone.experiments.config.DatasetKind.DIGITS;
import static io.paretone.experiments.config.DatasetKind.DIGITS_RENDERED;
import static io.paretone.experiments.config.DatasetKind.NOTES;
import static io.paretone.experiments.config.DatasetKind.WAV_FOLDER;

import io.paretone.evaluators.data.SpokenDigitsSettings;
import io.paretone.evaluators.data.SynthNotesSettings;
import io.paretone.evaluators.data.WavFolderSettings;
import io.paretone.evaluators.data.image.RenderedDigitsSettings;
import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.EnergySettings;
import io.paretone.evaluators.energy.MeterChoice;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.StudyAlgorithm;
import io.paretone.search.StudySettings;
import io.paretone.spaces.Domain;
import io.paretone.spaces.check.InvalidValueException;
import java.nio.file.Path;
import java.util.List;

/**
 * Every setting of a study, each declared once: its YAML key, the option that overrides it, its help
 * and its default. The options of {@code search}, {@code quickstart} and {@code bench}, the check
 * that a dataset key belongs to the chosen kind, and the settings table of docs/configuration.md
 * ({@link SettingsTable}) are made from this list; defaults the library owns are read from
 * {@link StudySettings.Builder} and the dataset settings' builders, so they cannot drift from them. Values are checked where they are
 * used: by the library's records ({@link StudySettings}) and the dataset settings.
 *
 * <p>To add a setting: a field in {@link StudyConfig}, an entry here, and its use in
 * {@link StudyConfigMapper} (or {@link DatasetKind} for a dataset key).
 */
public final class StudySchema {
    private StudySchema() {}

    /** What {@code allow_download} does; also the help of {@code --allow-download} where no study runs. */
    public static final String ALLOW_DOWNLOAD_HELP =
            "Let DJL download its CUDA build of PyTorch when a GPU is asked for;"
                    + " paretone is offline otherwise (README, section GPU)";

    /** The library's defaults, which the table and the help show. */
    private static final StudySettings LIBRARY = StudySettings.builder().build();

    private static final EnergySettings ENERGY = EnergySettings.defaults();
    private static final SynthNotesSettings NOTES_DEFAULTS =
            SynthNotesSettings.builder().setSeed(0).build();
    private static final SpokenDigitsSettings DIGITS_DEFAULTS =
            SpokenDigitsSettings.builder().setSeed(0).build();
    private static final WavFolderSettings WAV_DEFAULTS =
            WavFolderSettings.builder().setFolder(Path.of("any")).setSeed(0).build();
    private static final List<DatasetKind> AUDIO_KINDS = DatasetKind.of(Domain.AUDIO);

    /** Every setting, in the order of the settings table; options are applied in this order too. */
    public static final List<Setting> ALL = List.of(
            Setting.of("name", String.class, c -> c.name, (c, v) -> c.name = v)
                    .flag("--name", "NAME")
                    .help("Study name, part of the run folder's name")
                    .byDefault(LIBRARY.name()),
            Setting.of("domain", String.class, c -> c.domain, (c, v) -> c.domain = v)
                    .flag("--domain", "DOMAIN")
                    .help(
                            "What to generate: audio or image (families dcgan, convvae, pixelcnn on rendered digits unless"
                                    + " the dataset says otherwise)")
                    .byDefault("that of the families, else of the dataset kind, else audio"),
            Setting.list("families", String.class, c -> c.families, (c, v) -> c.families = v)
                    .flag("--families", "NAMES")
                    .help("Model families to search, comma-separated (see paretone spaces)")
                    .byDefault("all of the domain's"),
            Setting.of("seed", Long.class, c -> c.seed, (c, v) -> c.seed = v)
                    .flag("--seed", "N")
                    .help("Seed of the whole study: data, population, training, generation")
                    .byDefault(Long.toString(LIBRARY.seed())),
            Setting.of("population", Integer.class, c -> c.population, (c, v) -> c.population = v)
                    .flag("--population", "N")
                    .help("Candidates per generation (even)")
                    .byDefault(Integer.toString(LIBRARY.populationSize())),
            Setting.of("generations", Integer.class, c -> c.generations, (c, v) -> c.generations = v)
                    .flag("--generations", "N")
                    .help("Generations, the initial one included")
                    .byDefault(Integer.toString(LIBRARY.generations())),
            Setting.of("device", String.class, c -> c.device, (c, v) -> c.device = v)
                    .flag("--device", "DEV")
                    .help("auto (a GPU if DJL sees one), cpu, gpu or gpu:N")
                    .byDefault(LIBRARY.device()),
            Setting.of("allow_download", Boolean.class, c -> c.allowDownload, (c, v) -> c.allowDownload = v)
                    .flag("--allow-download", null)
                    .help(ALLOW_DOWNLOAD_HELP)
                    .byDefault("false"),
            Setting.of("output", String.class, c -> c.output, (c, v) -> c.output = v)
                    .flag("--output", "DIR")
                    .help("Folder for run folders and caches")
                    .byDefault(StudySettings.DEFAULT_OUTPUT_DIR.toString()),
            Setting.list("objectives", String.class, c -> c.objectives, (c, v) -> c.objectives = v)
                    .flag("--objectives", "NAMES")
                    .help("Minimised objectives, comma-separated, among "
                            + Objective.names(Objective.ALL).replace(",", ", "))
                    .byDefault(Objective.names(LIBRARY.objectives()).replace(",", ", ")),
            Setting.of("dataset.kind", String.class, c -> c.dataset.kind, StudySchema::setKind)
                    .flag("--dataset", "KIND")
                    .help("Dataset kind, " + DatasetKind.help()
                            + "; another kind than the config's drops that kind's keys")
                    .byDefault(DatasetKind.defaults()),
            Setting.of(
                            "dataset.clip_seconds",
                            Double.class,
                            c -> c.dataset.clipSeconds,
                            (c, v) -> c.dataset.clipSeconds = v)
                    .help("Length of each clip")
                    .byDefault(number(NOTES_DEFAULTS.clipSeconds()) + " (" + NOTES.id() + "), "
                            + number(DIGITS_DEFAULTS.clipSeconds()) + " (" + DIGITS.id() + "), "
                            + number(WAV_DEFAULTS.clipSeconds()) + " (" + WAV_FOLDER.id() + ")")
                    .forKinds(AUDIO_KINDS),
            Setting.of(
                            "dataset.sample_rate",
                            Integer.class,
                            c -> c.dataset.sampleRate,
                            (c, v) -> c.dataset.sampleRate = v)
                    .help("Samples per second of every clip")
                    .byDefault(Integer.toString(NOTES_DEFAULTS.sampleRate()))
                    .forKinds(AUDIO_KINDS),
            Setting.of("dataset.notes", Integer.class, c -> c.dataset.notes, (c, v) -> c.dataset.notes = v)
                    .flag("--notes", "N")
                    .help("Notes rendered")
                    .byDefault(Integer.toString(NOTES_DEFAULTS.notes()))
                    .forKinds(List.of(NOTES)),
            Setting.list("dataset.programs", Integer.class, c -> c.dataset.programs, (c, v) -> c.dataset.programs = v)
                    .help("General MIDI programs (0-127) rendered")
                    .byDefault(NOTES_DEFAULTS.programs() + ": piano, organ, flute, strings, trumpet, guitar")
                    .forKinds(List.of(NOTES)),
            Setting.list(
                            "dataset.velocities",
                            Integer.class,
                            c -> c.dataset.velocities,
                            (c, v) -> c.dataset.velocities = v)
                    .help("MIDI velocities drawn from")
                    .byDefault(NOTES_DEFAULTS.velocities().toString())
                    .forKinds(List.of(NOTES)),
            Setting.list("dataset.pitches", Integer.class, c -> c.dataset.pitches, (c, v) -> c.dataset.pitches = v)
                    .help("Lowest and highest MIDI note number")
                    .byDefault(List.of(NOTES_DEFAULTS.lowestPitch(), NOTES_DEFAULTS.highestPitch())
                            .toString())
                    .forKinds(List.of(NOTES)),
            Setting.list("dataset.note_off", Double.class, c -> c.dataset.noteOff, (c, v) -> c.dataset.noteOff = v)
                    .help("Earliest and latest note-off, as fractions of the clip")
                    .byDefault(List.of(NOTES_DEFAULTS.noteOffLow(), NOTES_DEFAULTS.noteOffHigh())
                            .toString())
                    .forKinds(List.of(NOTES)),
            Setting.of("dataset.clips", Integer.class, c -> c.dataset.clips, (c, v) -> c.dataset.clips = v)
                    .help("Clips synthesised")
                    .byDefault(Integer.toString(DIGITS_DEFAULTS.clips()))
                    .forKinds(List.of(DIGITS)),
            Setting.of("dataset.engine", String.class, c -> c.dataset.engine, (c, v) -> c.dataset.engine = v)
                    .help("Speech engine: auto, espeak-ng or flite")
                    .byDefault(DIGITS_DEFAULTS.engine() + ": espeak-ng, else flite")
                    .forKinds(List.of(DIGITS)),
            Setting.list("dataset.voices", String.class, c -> c.dataset.voices, (c, v) -> c.dataset.voices = v)
                    .help("The engine's voices drawn from")
                    .byDefault("the engine's English voices")
                    .forKinds(List.of(DIGITS)),
            Setting.list("dataset.pitch", Double.class, c -> c.dataset.pitch, (c, v) -> c.dataset.pitch = v)
                    .help("Lowest and highest pitch, 0-1 of the engine's range")
                    .byDefault(List.of(DIGITS_DEFAULTS.lowPitch(), DIGITS_DEFAULTS.highPitch())
                            .toString())
                    .forKinds(List.of(DIGITS)),
            Setting.list("dataset.rate", Double.class, c -> c.dataset.rate, (c, v) -> c.dataset.rate = v)
                    .help("Slowest and fastest speaking rate, relative to normal")
                    .byDefault(List.of(DIGITS_DEFAULTS.lowRate(), DIGITS_DEFAULTS.highRate())
                            .toString())
                    .forKinds(List.of(DIGITS)),
            Setting.of("dataset.folder", String.class, c -> c.dataset.folder, (c, v) -> c.dataset.folder = v)
                    .flag("--dataset-folder", "DIR")
                    .help(
                            "Folder of WAV files (wav-folder) or PNG or JPEG files (image-folder), required by those kinds;"
                                    + " labels are its sub-folders' names")
                    .forKinds(DatasetKind.folderKinds()),
            Setting.of("dataset.max_clips", Integer.class, c -> c.dataset.maxClips, (c, v) -> c.dataset.maxClips = v)
                    .help("Most files used; a seeded choice beyond")
                    .byDefault(Integer.toString(WAV_DEFAULTS.maxClips()))
                    .forKinds(List.of(WAV_FOLDER)),
            Setting.of(
                            "dataset.train_per_class",
                            Integer.class,
                            c -> c.dataset.trainPerClass,
                            (c, v) -> c.dataset.trainPerClass = v)
                    .help("Training images per digit")
                    .byDefault(Integer.toString(RenderedDigitsSettings.TRAIN_PER_CLASS))
                    .forKinds(List.of(DIGITS_RENDERED)),
            Setting.of(
                            "dataset.held_out_per_class",
                            Integer.class,
                            c -> c.dataset.heldOutPerClass,
                            (c, v) -> c.dataset.heldOutPerClass = v)
                    .help("Validation images per digit, and as many test images")
                    .byDefault(Integer.toString(RenderedDigitsSettings.HELD_OUT_PER_CLASS))
                    .forKinds(List.of(DIGITS_RENDERED)),
            Setting.of("quality.clips", Integer.class, c -> c.quality.clips, (c, v) -> c.quality.clips = v)
                    .help("Clips each candidate generates and is judged on (the same N for the references)")
                    .byDefault(Integer.toString(LIBRARY.qualityClips())),
            Setting.of(
                            "quality.clip_seconds",
                            Double.class,
                            c -> c.quality.clipSeconds,
                            (c, v) -> c.quality.clipSeconds = v)
                    .help("Length of each judged clip")
                    .byDefault(number(LIBRARY.qualityClipSeconds())),
            Setting.of("energy.region", String.class, c -> c.energy.region, (c, v) -> c.energy.region = v)
                    .flag("--region", "CODE")
                    .help(
                            "Country whose average grid intensity to use (ISO 3166 code such as DE, FR, US; shipped table)"),
            Setting.of(
                            "energy.carbon_intensity",
                            Double.class,
                            c -> c.energy.carbonIntensity,
                            (c, v) -> c.energy.carbonIntensity = v)
                    .flag("--carbon-intensity", "KG_PER_KWH")
                    .help("Grid carbon intensity in kgCO2e per kWh; overrides region")
                    .byDefault(number(CarbonAccounting.WORLD_AVERAGE_2018) + ", the 2018 world average"),
            Setting.of("energy.pue", Double.class, c -> c.energy.pue, (c, v) -> c.energy.pue = v)
                    .flag("--pue", "X")
                    .help("Data-centre PUE multiplying energy")
                    .byDefault(number(LIBRARY.carbon().pue())),
            Setting.of("energy.meter", String.class, c -> c.energy.meter, (c, v) -> c.energy.meter = v)
                    .flag("--meter", "KIND")
                    .help("Energy meters: " + MeterChoice.help())
                    .byDefault(ENERGY.meter().label()),
            Setting.of("energy.tdp", Double.class, c -> c.energy.tdp, (c, v) -> c.energy.tdp = v)
                    .flag("--tdp", "W")
                    .help("TDP of the CPU package in W, for the CPU-time estimate")
                    .byDefault("the TDP table, else 10 W per CPU"),
            Setting.of(
                            "energy.watts_per_core",
                            Double.class,
                            c -> c.energy.wattsPerCore,
                            (c, v) -> c.energy.wattsPerCore = v)
                    .flag("--watts-per-core", "W")
                    .help("Power of one busy logical CPU for the CPU-time estimate; overrides tdp and the TDP table")
                    .byDefault("TDP / threads"),
            Setting.of("energy.gpu_tdp", Double.class, c -> c.energy.gpuTdp, (c, v) -> c.energy.gpuTdp = v)
                    .flag("--gpu-tdp", "W")
                    .help("TDP of the GPU in W, for the estimate where NVML cannot read it")
                    .byDefault("the TDP table, else 300 W"),
            Setting.of(
                            "energy.ram_watts_per_gb",
                            Double.class,
                            c -> c.energy.ramWattsPerGb,
                            (c, v) -> c.energy.ramWattsPerGb = v)
                    .help("Power of resident memory in W per GB")
                    .byDefault(number(ENERGY.ramWattsPerGb())),
            Setting.of(
                            "energy.carbon_budget_kg",
                            Double.class,
                            c -> c.energy.carbonBudgetKg,
                            (c, v) -> c.energy.carbonBudgetKg = v)
                    .flag("--carbon-budget", "KG")
                    .help("Stop the search cleanly once its measured CO2e (candidates and overhead) reaches KG"),
            Setting.of(
                            "constraints.max_parameters",
                            Long.class,
                            c -> c.constraints.maxParameters,
                            (c, v) -> c.constraints.maxParameters = v)
                    .flag("--max-parameters", "N")
                    .help("Constraint: most trainable parameters; above it a candidate is"
                            + " infeasible and not trained"),
            Setting.of(
                            "constraints.max_co2e_kg",
                            Double.class,
                            c -> c.constraints.maxCo2eKg,
                            (c, v) -> c.constraints.maxCo2eKg = v)
                    .flag("--max-co2e-kg", "KG")
                    .help("Constraint: most training CO2e per candidate"),
            Setting.of(
                            "constraints.max_flops",
                            Double.class,
                            c -> c.constraints.maxFlops,
                            (c, v) -> c.constraints.maxFlops = v)
                    .flag("--max-flops", "N")
                    .help("Constraint: most forward FLOPs per generated unit (second of audio,"
                            + " image); above it a candidate is infeasible and not trained"),
            Setting.of(
                            "constraints.min_percent_mos",
                            Double.class,
                            c -> c.constraints.minPercentMos,
                            (c, v) -> c.constraints.minPercentMos = v)
                    .flag("--min-percent-mos", "X")
                    .help(
                            "Constraint: least quality proxy %MOS (0-1), as the objective counts it: 1 - %MOS above 1 minus this is infeasible"),
            Setting.of("study", String.class, c -> c.study, (c, v) -> c.study = v)
                    .flag("--study", "NAME")
                    .help(
                            "The stored study: an existing one resumes (completed trials are kept, interrupted ones rerun);"
                                    + " a new name starts one")
                    .byDefault("a new study named NAME-DATE-TIME"),
            Setting.of("storage", String.class, c -> c.storage, (c, v) -> c.storage = v)
                    .flag("--storage", "FILE")
                    .help("The trial store (SQLite file)")
                    .byDefault("OUTPUT/paretone.db"),
            Setting.of("algorithm", String.class, c -> c.algorithm, (c, v) -> c.algorithm = v)
                    .flag("--algorithm", "ALG")
                    .help(StudyAlgorithm.help())
                    .byDefault(LIBRARY.algorithm()),
            Setting.of("budget.max_trials", Integer.class, c -> c.budget.maxTrials, (c, v) -> c.budget.maxTrials = v)
                    .flag("--max-trials", "N")
                    .help("Stop once this many trials have finished (trained, failed or pruned)"),
            Setting.of(
                            "budget.max_trial_joules",
                            Double.class,
                            c -> c.budget.maxTrialJoules,
                            (c, v) -> c.budget.maxTrialJoules = v)
                    .flag("--max-trial-joules", "J")
                    .help("Start no trial once the finished ones have been charged this many joules (each its share of"
                            + " a shared device; overhead not counted; trials in flight finish): compares searches at"
                            + " equal energy spent on candidates"),
            Setting.of(
                            "budget.max_wall_minutes",
                            Double.class,
                            c -> c.budget.maxWallMinutes,
                            (c, v) -> c.budget.maxWallMinutes = v)
                    .flag("--max-wall-minutes", "M")
                    .help("Stop once the study has run this long, all its runs together"),
            Setting.of(
                            "budget.stagnation_generations",
                            Integer.class,
                            c -> c.budget.stagnationGenerations,
                            (c, v) -> c.budget.stagnationGenerations = v)
                    .flag("--stagnation", "K")
                    .help("Stop after K generations without hypervolume gain"),
            Setting.of("workers.count", String.class, c -> c.workers.count, (c, v) -> c.workers.count = v)
                    .flag("--workers", "N")
                    .help("Worker processes training candidates in parallel, or auto: one on a CPU, on a GPU as many as"
                            + " keep it busy and fit in its memory; several may share a GPU")
                    .byDefault(
                            LIBRARY.workers().count() == StudySettings.Workers.AUTO
                                    ? "auto"
                                    : Integer.toString(LIBRARY.workers().count())),
            Setting.list("workers.devices", String.class, c -> c.workers.devices, (c, v) -> c.workers.devices = v)
                    .flag("--devices", "LIST")
                    .help("Devices handed to workers in turn: cpu, GPU indices such as 0,1, or names such as gpu:0")
                    .byDefault("device"),
            Setting.of(
                            "workers.trial_timeout_seconds",
                            Double.class,
                            c -> c.workers.trialTimeoutSeconds,
                            (c, v) -> c.workers.trialTimeoutSeconds = v)
                    .flag("--trial-timeout", "SECONDS")
                    .help("A trial still training after this long is stopped and FAILED")
                    .byDefault(number(LIBRARY.workers().trialTimeoutSeconds())),
            Setting.of("workers.memory_mb", Integer.class, c -> c.workers.memoryMb, (c, v) -> c.workers.memoryMb = v)
                    .flag("--worker-memory", "MB")
                    .help("Java heap of each worker in MB")
                    .byDefault("the JVM's"),
            Setting.of("workers.engine", String.class, c -> c.workers.engine, (c, v) -> c.workers.engine = v)
                    .flag("--engine", "NAME")
                    .help(
                            "Where workers run: local, or spark (a Spark cluster; needs the Spark build, see docs/spark.md);"
                                    + " with spark, workers is how many candidates run at once")
                    .byDefault(LIBRARY.engine().name()),
            Setting.of("workers.master", String.class, c -> c.workers.master, (c, v) -> c.workers.master = v)
                    .flag("--master", "URL")
                    .help("The Spark master for the spark engine, such as spark://host:7077 or local[2]"),
            Setting.list(
                            "pruning.checkpoints",
                            Double.class,
                            c -> c.pruning.checkpoints,
                            (c, v) -> c.pruning.checkpoints = v)
                    .flag("--prune-at", "FRACTIONS")
                    .help("Measure candidates after these fractions of training (such as 0.5) and stop those the front"
                            + " already dominates")
                    .byDefault("no pruning"),
            Setting.of("pruning.margin", Double.class, c -> c.pruning.margin, (c, v) -> c.pruning.margin = v)
                    .flag("--prune-margin", "X")
                    .help("Normalised quality margin by which the front must dominate to prune")
                    .byDefault(number(LIBRARY.pruning().margin())),
            Setting.map("hypervolume", "OBJECTIVE", c -> c.hypervolume)
                    .help("[low, high]: the fixed bounds that normalise an objective for the hypervolume")
                    .byDefault("see below"),
            Setting.map("space", "GENE", c -> c.space)
                    .help("The values a gene may take, a subset of its own; family genes are family.gene"
                            + " (wavenet.layers), the training genes plain (training_steps)")
                    .byDefault("all"));

    /** The setting of that YAML key. */
    public static Setting byKey(String key) {
        return ALL.stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no setting " + key));
    }

    /**
     * A dataset key that only other kinds read is an error, so a typo'd kind is not silently
     * ignored.
     *
     * @throws InvalidValueException naming the first such key and the kind that reads it
     */
    static void rejectKeysOfOtherKinds(StudyConfig.DatasetConfig dataset, String kind) {
        StudyConfig c = new StudyConfig();
        c.dataset = dataset;
        for (Setting s : ALL) {
            if (s.kinds() != null && s.isSet(c) && !s.kinds().contains(kind)) {
                throw new InvalidValueException(
                        s.key(),
                        "(set)",
                        "applies to dataset kind " + s.kindWords() + ", not " + kind
                                + "; remove it or set dataset.kind: " + s.kindWords());
            }
        }
    }

    /**
     * Sets the dataset kind; another kind than the config's drops the keys of the old kind, but
     * keeps those every audio kind reads (clip length, sample rate).
     */
    private static void setKind(StudyConfig c, String kind) {
        if (!kind.equals(c.dataset.kind)) {
            StudyConfig before = new StudyConfig();
            before.dataset = c.dataset;
            c.dataset = new StudyConfig.DatasetConfig();
            for (Setting s : ALL) {
                if (s.kinds() != null
                        && s.kinds()
                                .containsAll(AUDIO_KINDS.stream()
                                        .map(DatasetKind::id)
                                        .toList())
                        && s.isSet(before)) {
                    s.write(c, s.get().apply(before));
                }
            }
        }
        c.dataset.kind = kind;
    }

    /** 3600 for 3600.0, 0.437 for 0.437. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
