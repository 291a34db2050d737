package io.paretone.experiments.config;

import io.paretone.evaluators.data.AudioDataset;
import io.paretone.evaluators.data.Dataset;
import io.paretone.evaluators.data.image.ImageFolderDataset;
import io.paretone.evaluators.data.image.RenderedDigitsDataset;
import io.paretone.evaluators.data.image.RenderedDigitsSettings;
import io.paretone.evaluators.data.SpokenDigitsDataset;
import io.paretone.evaluators.data.SpokenDigitsSettings;
import io.paretone.evaluators.data.SynthNotesDataset;
import io.paretone.evaluators.data.SynthNotesSettings;
import io.paretone.evaluators.data.WavFolderDataset;
import io.paretone.evaluators.data.WavFolderSettings;
import io.paretone.spaces.Domain;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.image.ImageFormat;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the configured dataset: {@code notes}, {@code digits} or {@code wav-folder} for audio,
 * {@code digits-rendered} or {@code image-folder} for images.
 */
public final class DatasetFactory {
    public static final String NOTES = "notes";
    public static final String DIGITS = "digits";
    public static final String WAV_FOLDER = "wav-folder";
    public static final String DIGITS_RENDERED = RenderedDigitsDataset.NAME;
    public static final String IMAGE_FOLDER = ImageFolderDataset.NAME;
    public static final List<String> AUDIO_KINDS = List.of(NOTES, DIGITS, WAV_FOLDER);
    public static final List<String> IMAGE_KINDS = List.of(DIGITS_RENDERED, IMAGE_FOLDER);
    public static final List<String> KINDS = List.of(NOTES, DIGITS, WAV_FOLDER, DIGITS_RENDERED, IMAGE_FOLDER);
    /** Share of each class of an image folder held out for validation, and as much for test. */
    static final double IMAGE_FOLDER_HELD_OUT = 0.15;

    private DatasetFactory() {}

    /** The domain of a dataset kind; null for no kind or an unknown one. */
    public static Domain domainOf(String kind) {
        if (kind == null) {
            return null;
        }
        return AUDIO_KINDS.contains(kind) ? Domain.AUDIO : IMAGE_KINDS.contains(kind) ? Domain.IMAGE : null;
    }

    /**
     * @param domain the study's domain: without a kind, its default dataset (notes, rendered
     *     digits), or its folder kind when a folder is given
     * @param seed the study seed, which also fixes the dataset
     * @throws InvalidValueException for an unknown kind, a kind of another domain, a key of another
     *     kind, or a wrong value
     */
    public static Dataset create(StudyConfig.DatasetConfig c, Domain domain, long seed) {
        String kind = c.kind != null ? c.kind
                : domain == Domain.IMAGE ? (c.folder != null ? IMAGE_FOLDER : DIGITS_RENDERED)
                : (c.folder != null ? WAV_FOLDER : NOTES);
        if (!KINDS.contains(kind)) {
            throw new InvalidValueException("dataset.kind", kind, "use one of " + String.join(", ", KINDS));
        }
        if (domainOf(kind) != domain) {
            throw new InvalidValueException("dataset.kind", kind, "holds " + domainOf(kind) + " data, but the study's"
                    + " domain is " + domain + "; use one of " + String.join(", ", domain == Domain.IMAGE ? IMAGE_KINDS
                            : AUDIO_KINDS) + ", or set domain: " + domainOf(kind));
        }
        StudySchema.rejectKeysOfOtherKinds(c, kind);
        return switch (kind) {
            case DIGITS -> digits(c, seed);
            case WAV_FOLDER -> wavFolder(c, seed);
            case DIGITS_RENDERED -> renderedDigits(c, seed);
            case IMAGE_FOLDER -> imageFolder(c, seed);
            default -> notes(c, seed);
        };
    }

    private static Dataset renderedDigits(StudyConfig.DatasetConfig c, long seed) {
        int train = c.trainPerClass == null ? RenderedDigitsSettings.TRAIN_PER_CLASS : c.trainPerClass;
        int heldOut = c.heldOutPerClass == null ? RenderedDigitsSettings.HELD_OUT_PER_CLASS : c.heldOutPerClass;
        return new RenderedDigitsDataset(new RenderedDigitsSettings(seed, train, heldOut, heldOut));
    }

    private static Dataset imageFolder(StudyConfig.DatasetConfig c, long seed) {
        if (c.folder == null) {
            throw new InvalidValueException("dataset.folder", null,
                    "is required for kind image-folder: name a folder of PNG or JPEG files, a sub-folder per class");
        }
        // The image families generate 28 x 28 grayscale, so every file is resized to that.
        return new ImageFolderDataset(Path.of(c.folder), ImageFormat.DIGITS, seed, IMAGE_FOLDER_HELD_OUT);
    }

    private static AudioDataset notes(StudyConfig.DatasetConfig c, long seed) {
        SynthNotesSettings.Builder b = SynthNotesSettings.builder().setSeed(seed);
        if (c.notes != null) b.optNotes(c.notes);
        if (c.clipSeconds != null) b.optClipSeconds(c.clipSeconds);
        if (c.sampleRate != null) b.optSampleRate(c.sampleRate);
        if (c.programs != null) b.optPrograms(c.programs.stream().mapToInt(Integer::intValue).toArray());
        if (c.velocities != null) b.optVelocities(c.velocities.stream().mapToInt(Integer::intValue).toArray());
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

    private static AudioDataset digits(StudyConfig.DatasetConfig c, long seed) {
        SpokenDigitsSettings.Builder b = SpokenDigitsSettings.builder().setSeed(seed);
        if (c.clips != null) b.optClips(c.clips);
        if (c.clipSeconds != null) b.optClipSeconds(c.clipSeconds);
        if (c.sampleRate != null) b.optSampleRate(c.sampleRate);
        if (c.engine != null) b.optEngine(c.engine);
        if (c.voices != null) b.optVoices(c.voices);
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

    private static AudioDataset wavFolder(StudyConfig.DatasetConfig c, long seed) {
        if (c.folder == null) {
            throw new InvalidValueException("dataset.folder", null,
                    "is required for kind wav-folder: name a folder of WAV files, labels from its sub-folders");
        }
        WavFolderSettings.Builder b = WavFolderSettings.builder().setFolder(Path.of(c.folder)).setSeed(seed);
        if (c.clipSeconds != null) b.optClipSeconds(c.clipSeconds);
        if (c.sampleRate != null) b.optSampleRate(c.sampleRate);
        if (c.maxClips != null) b.optMaxClips(c.maxClips);
        return new WavFolderDataset(b.build());
    }

    private static <T> List<T> pair(String key, List<T> values) {
        if (values.size() != 2 || values.contains(null)) {
            throw new InvalidValueException(key, values, "write two values, lowest first, such as [0.8, 1.25]");
        }
        return values;
    }
}
