package io.paretone.experiments.config;

import static io.paretone.experiments.config.ConfigValues.ifSet;

import io.paretone.evaluators.data.Dataset;
import io.paretone.evaluators.data.SpokenDigitsDataset;
import io.paretone.evaluators.data.SpokenDigitsSettings;
import io.paretone.evaluators.data.SynthNotesDataset;
import io.paretone.evaluators.data.SynthNotesSettings;
import io.paretone.evaluators.data.WavFolderDataset;
import io.paretone.evaluators.data.WavFolderSettings;
import io.paretone.evaluators.data.image.ImageFolderDataset;
import io.paretone.evaluators.data.image.RenderedDigitsDataset;
import io.paretone.evaluators.data.image.RenderedDigitsSettings;
import io.paretone.spaces.Domain;
import io.paretone.spaces.check.Choices;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.image.ImageFormat;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The dataset kinds a study may name ({@code dataset.kind}), each declared once: its name (the
 * dataset's own), its domain, what it is in words, whether a study reads it without naming it, and
 * how the config's dataset keys build it. {@link DatasetFactory}, the {@code --dataset} help and
 * the settings table read this list; the keys a kind reads are {@link StudySchema} entries marked
 * {@code forKinds}.
 */
public enum DatasetKind {
    NOTES(SynthNotesDataset.NAME, Domain.AUDIO, Implied.BY_DEFAULT, "built in", DatasetKind::notes),
    DIGITS(
            SpokenDigitsDataset.NAME,
            Domain.AUDIO,
            Implied.NEVER,
            "spoken, needs espeak-ng or flite",
            DatasetKind::digits),
    WAV_FOLDER(WavFolderDataset.NAME, Domain.AUDIO, Implied.BY_FOLDER, "your WAV files", DatasetKind::wavFolder),
    DIGITS_RENDERED(
            RenderedDigitsDataset.NAME, Domain.IMAGE, Implied.BY_DEFAULT, "built in", DatasetKind::renderedDigits),
    IMAGE_FOLDER(
            ImageFolderDataset.NAME,
            Domain.IMAGE,
            Implied.BY_FOLDER,
            "your PNG or JPEG files",
            DatasetKind::imageFolder);

    /** When a study of the kind's domain reads it without {@code dataset.kind}. */
    enum Implied {
        /** When neither a kind nor a folder is given. */
        BY_DEFAULT,
        /** When only {@code dataset.folder} is given. */
        BY_FOLDER,
        /** Only when named. */
        NEVER
    }

    /** Builds the dataset from the config's dataset keys and the study seed. */
    private interface Builder {
        Dataset build(StudyConfig.DatasetConfig c, long seed);
    }

    /** Share of each class of an image folder held out for validation, and as much for test. */
    static final double IMAGE_FOLDER_HELD_OUT = 0.15;

    private final String id;
    private final Domain domain;
    private final Implied implied;
    private final String summary;
    private final Builder builder;

    DatasetKind(String id, Domain domain, Implied implied, String summary, Builder builder) {
        this.id = id;
        this.domain = domain;
        this.implied = implied;
        this.summary = summary;
        this.builder = builder;
    }

    /** The name {@code dataset.kind} gives. */
    public String id() {
        return id;
    }

    public Domain domain() {
        return domain;
    }

    /** When a study reads this kind without naming it. */
    Implied impliedWhen() {
        return implied;
    }

    /**
     * Builds the dataset; the keys of other kinds are already rejected.
     *
     * @throws InvalidValueException for a missing or wrong value
     */
    Dataset create(StudyConfig.DatasetConfig c, long seed) {
        return builder.build(c, seed);
    }

    /** The kind of that name, or null. */
    public static DatasetKind named(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElse(null);
    }

    /** The kinds of a domain, in declaration order. */
    public static List<DatasetKind> of(Domain domain) {
        return Arrays.stream(values()).filter(k -> k.domain == domain).toList();
    }

    /** The kinds a study of any domain reads with only {@code dataset.folder} given. */
    static List<DatasetKind> folderKinds() {
        return Arrays.stream(values())
                .filter(k -> k.implied == Implied.BY_FOLDER)
                .toList();
    }

    /** The kind a study of that domain reads without {@code dataset.kind}. */
    static DatasetKind implied(Domain domain, boolean folderGiven) {
        Implied wanted = folderGiven ? Implied.BY_FOLDER : Implied.BY_DEFAULT;
        return of(domain).stream()
                .filter(k -> k.implied == wanted)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + wanted + " dataset kind for " + domain));
    }

    /** The names of these kinds, comma-separated. */
    static String ids(List<DatasetKind> kinds) {
        return kinds.stream().map(DatasetKind::id).collect(Collectors.joining(", "));
    }

    /** The {@code --dataset} help: each domain's kinds with what they are. */
    static String help() {
        return Arrays.stream(Domain.values())
                .map(d -> "for " + d.id() + ": "
                        + Choices.inWords(of(d).stream()
                                .map(k -> k.id + " (" + k.summary + ")")
                                .toList()))
                .collect(Collectors.joining("; "));
    }

    /** The kind read without {@code dataset.kind}, in words: "notes (audio), digits-rendered (image)". */
    static String defaults() {
        return Arrays.stream(Domain.values())
                .map(d -> implied(d, false).id + " (" + d.id() + ")")
                .collect(Collectors.joining(", "));
    }

    private static Dataset renderedDigits(StudyConfig.DatasetConfig c, long seed) {
        int train = c.trainPerClass == null ? RenderedDigitsSettings.TRAIN_PER_CLASS : c.trainPerClass;
        int heldOut = c.heldOutPerClass == null ? RenderedDigitsSettings.HELD_OUT_PER_CLASS : c.heldOutPerClass;
        return new RenderedDigitsDataset(new RenderedDigitsSettings(seed, train, heldOut, heldOut));
    }

    private static Dataset imageFolder(StudyConfig.DatasetConfig c, long seed) {
        if (c.folder == null) {
            throw new InvalidValueException(
                    "dataset.folder",
                    null,
                    "is required for kind image-folder: name a folder of PNG or JPEG files, a sub-folder per class");
        }
        // The image families generate 28 x 28 grayscale, so every file is resized to that.
        return new ImageFolderDataset(Path.of(c.folder), ImageFormat.DIGITS, seed, IMAGE_FOLDER_HELD_OUT);
    }

    private static Dataset notes(StudyConfig.DatasetConfig c, long seed) {
        SynthNotesSettings.Builder b = SynthNotesSettings.builder().setSeed(seed);
        ifSet(c.notes, b::optNotes);
        ifSet(c.clipSeconds, b::optClipSeconds);
        ifSet(c.sampleRate, b::optSampleRate);
        ifSet(
                c.programs,
                v -> b.optPrograms(v.stream().mapToInt(Integer::intValue).toArray()));
        ifSet(
                c.velocities,
                v -> b.optVelocities(v.stream().mapToInt(Integer::intValue).toArray()));
        if (c.pitches != null) {
            List<Integer> p = pair("dataset.pitches", c.pitches);
            b.optPitchRange(p.get(0), p.get(1));
        }
        if (c.noteOff != null) {
            List<Double> n = pair("dataset.note_off", c.noteOff);
            b.optNoteOffRange(n.get(0), n.get(1));
        }
        return new SynthNotesDataset(b.build());
    }

    private static Dataset digits(StudyConfig.DatasetConfig c, long seed) {
        SpokenDigitsSettings.Builder b = SpokenDigitsSettings.builder().setSeed(seed);
        ifSet(c.clips, b::optClips);
        ifSet(c.clipSeconds, b::optClipSeconds);
        ifSet(c.sampleRate, b::optSampleRate);
        ifSet(c.engine, b::optEngine);
        ifSet(c.voices, b::optVoices);
        if (c.pitch != null) {
            List<Double> p = pair("dataset.pitch", c.pitch);
            b.optPitchRange(p.get(0), p.get(1));
        }
        if (c.rate != null) {
            List<Double> r = pair("dataset.rate", c.rate);
            b.optRateRange(r.get(0), r.get(1));
        }
        return new SpokenDigitsDataset(b.build());
    }

    private static Dataset wavFolder(StudyConfig.DatasetConfig c, long seed) {
        if (c.folder == null) {
            throw new InvalidValueException(
                    "dataset.folder",
                    null,
                    "is required for kind wav-folder: name a folder of WAV files, labels from its sub-folders");
        }
        WavFolderSettings.Builder b =
                WavFolderSettings.builder().setFolder(Path.of(c.folder)).setSeed(seed);
        ifSet(c.clipSeconds, b::optClipSeconds);
        ifSet(c.sampleRate, b::optSampleRate);
        ifSet(c.maxClips, b::optMaxClips);
        return new WavFolderDataset(b.build());
    }

    private static <T> List<T> pair(String key, List<T> values) {
        if (values.size() != 2 || values.contains(null)) {
            throw new InvalidValueException(key, values, "write two values, lowest first, such as [0.8, 1.25]");
        }
        return values;
    }
}
