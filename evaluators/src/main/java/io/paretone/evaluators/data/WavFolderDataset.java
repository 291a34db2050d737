package io.paretone.evaluators.data;

import io.paretone.evaluators.audio.WavFiles;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code wav-folder} dataset: any folder of WAV files, such as NSynth, SC09 or one's own
 * recordings. A file's label (facet {@value #FOLDER}) is the name of the first-level sub-folder it
 * lies in, so {@code digits/seven/a.wav} and {@code digits/seven/x/b.wav} are both {@code seven};
 * files directly in the folder are {@value #UNLABELLED}. Every file is mixed down to mono,
 * resampled to the target rate and cut or zero-padded to the clip length; its loudness is kept.
 *
 * <p>Files that cannot be decoded, hold no samples, or hold non-finite samples are skipped, never
 * fatal; they are named in one summary line, logged and returned by {@link #notices()}. When the
 * folder holds more than {@code maxClips} WAV files, a seeded random choice of them is used. The
 * result is cached under {@code cacheDir/wav-folder-<key>/}; the key covers the settings and every
 * chosen file's path, size and modification time, so editing the folder prepares it again.
 */
public final class WavFolderDataset implements AudioDataset {
    /** The name of this kind of dataset, as {@code dataset.kind} gives it. */
    public static final String NAME = "wav-folder";
    /** The label facet: the sub-folder's name. */
    public static final String FOLDER = "folder";

    /** The label of files directly in the folder. */
    public static final String UNLABELLED = "unlabelled";

    private static final Logger LOG = LoggerFactory.getLogger(WavFolderDataset.class);

    private final WavFolderSettings settings;
    private volatile List<String> notices = List.of();

    public WavFolderDataset(WavFolderSettings settings) {
        this.settings = Check.notNull("settings", settings);
    }

    @Override
    public String name() {
        return NAME;
    }

    public WavFolderSettings settings() {
        return settings;
    }

    /** The summary of skipped files of the last {@link #load}, if any were skipped. */
    @Override
    public List<String> notices() {
        return notices;
    }

    /**
     * @throws InvalidValueException if the folder does not exist, holds no WAV file, or too few
     *     readable ones to fill the three splits
     */
    @Override
    public AudioSplits load(Path cacheDir) throws IOException {
        Path root = settings.folder();
        if (!Files.isDirectory(root)) {
            throw new InvalidValueException("dataset.folder", root, "is not a folder; name a folder of WAV files");
        }
        List<Path> files = chosenFiles(root);
        if (files.isEmpty()) {
            throw new InvalidValueException(
                    "dataset.folder",
                    root,
                    "holds no .wav file; put WAV files in sub-folders named after their labels");
        }
        String key = cacheKey(root, files);
        Path folder = SplitsCache.folder(cacheDir, name(), key);
        if (SplitsCache.exists(folder)) {
            String skipped = SplitsCache.property(folder, "skipped");
            notices = skipped == null || skipped.isEmpty() ? List.of() : List.of(skipped);
            return SplitsCache.read(folder, key, name(), settings.sampleRate());
        }

        ClipShaper shaper = new ClipShaper(settings.sampleRate(), settings.clipFrames());
        List<AudioClip> clips = new ArrayList<>(files.size());
        List<String> skipped = new ArrayList<>();
        for (Path file : files) {
            String relative = relative(root, file);
            try {
                WavFiles.Wav wav = WavFiles.read(file);
                String problem = problem(wav.samples());
                if (problem != null) {
                    skipped.add(relative + " (" + problem + ")");
                    continue;
                }
                clips.add(new AudioClip(
                        shaper.shape(wav.samples(), wav.sampleRate()), Map.of(FOLDER, label(root, file))));
            } catch (IOException | RuntimeException e) {
                // A damaged file must not end the preparation; it is named in the summary instead.
                LOG.debug("cannot read {}", file, e);
                skipped.add(relative + " (" + firstLine(e) + ")");
            }
        }
        String summary = skipped.isEmpty() ? "" : summary(root, skipped, files.size());
        notices = summary.isEmpty() ? List.of() : List.of(summary);
        if (!summary.isEmpty()) {
            LOG.warn(summary);
        }
        Check.that(
                clips.size() >= 3,
                "dataset.folder",
                root,
                clips.size() + " of " + files.size() + " WAV files are readable; the three splits need at least 3"
                        + (summary.isEmpty() ? "" : " (" + summary + ")"));
        settings.fractions().requireNonEmptySplits("readable WAV files in " + root, clips.size());
        AudioSplits splits = Splitter.split(
                name(),
                settings.sampleRate(),
                clips,
                settings.fractions(),
                new SplittableRandom(settings.seed()).split());
        SplitsCache.write(
                folder, splits, key, Map.of("folder", root.toAbsolutePath().toString(), "skipped", summary));
        return splits;
    }

    /** Every WAV file under {@code root} in path order, or a seeded choice of {@code maxClips} of them. */
    private List<Path> chosenFiles(Path root) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.filter(Files::isRegularFile)
                    .filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .sorted(Comparator.comparing(p -> relative(root, p)))
                    .toList();
        }
        if (all.size() <= settings.maxClips()) {
            return all;
        }
        int[] order = Splitter.shuffledIndices(all.size(), new SplittableRandom(settings.seed()));
        List<Path> chosen = new ArrayList<>(settings.maxClips());
        for (int i = 0; i < settings.maxClips(); i++) {
            chosen.add(all.get(order[i]));
        }
        chosen.sort(Comparator.comparing(p -> relative(root, p)));
        return chosen;
    }

    private String cacheKey(Path root, List<Path> files) throws IOException {
        StringBuilder listing = new StringBuilder();
        for (Path file : files) {
            listing.append(relative(root, file))
                    .append('|')
                    .append(Files.size(file))
                    .append('|')
                    .append(Files.getLastModifiedTime(file).toMillis())
                    .append('\n');
        }
        return settings.canonical() + ";folder=" + root.toAbsolutePath().normalize() + ";files="
                + ContentHash.ofText(listing.toString());
    }

    /** Why these decoded samples cannot be a clip, or null if they can. */
    private static String problem(float[] samples) {
        if (samples.length == 0) {
            return "empty";
        }
        for (float x : samples) {
            if (!Float.isFinite(x)) {
                return "non-finite samples";
            }
        }
        return null;
    }

    private static String label(Path root, Path file) {
        Path relative = root.relativize(file);
        return relative.getNameCount() > 1 ? relative.getName(0).toString() : UNLABELLED;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static String summary(Path root, List<String> skipped, int total) {
        return "Skipped " + skipped.size() + " of " + total + " WAV files in " + root + ": "
                + String.join("; ", skipped);
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
