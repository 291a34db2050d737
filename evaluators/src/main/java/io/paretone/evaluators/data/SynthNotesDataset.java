package io.paretone.evaluators.data;

import io.paretone.spaces.check.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in {@code notes} dataset: NSynth-like single notes of several General MIDI timbres,
 * rendered offline by the JDK's Gervill synthesizer, peak-normalised to {@value #PEAK}, labelled
 * {@code program:pitch}.
 *
 * <p>Instruments come from {@value #FLUID_R3} when that file exists, else from Gervill's generated
 * bank, saved once per cache directory because Gervill generates it differently every time;
 * {@link #bank()} says which, and the cache key and metadata record it. The same settings and the
 * same bank file give bit-identical clips. Rendering needs the JVM option
 * {@value GervillRenderer#ADD_EXPORTS}; without it {@link #load} says so. The first {@link #load}
 * renders and caches under {@code cacheDir/notes-<key>/}; later loads with the same settings and
 * bank read the cache and return the same {@link AudioSplits#contentHash()}.
 */
public final class SynthNotesDataset implements AudioDataset {
    /** Where Debian and Ubuntu's {@code fluid-soundfont-gm} installs the FluidR3 General MIDI bank. */
    public static final String FLUID_R3 = "/usr/share/sounds/sf2/FluidR3_GM.sf2";

    /** What the loudest sample of every clip is scaled to. */
    public static final float PEAK = 0.9f;

    /** The file name, under the cache directory, of Gervill's generated bank once saved. */
    public static final String GENERATED_BANK = "gervill-generated.sf2";

    /** Peaks below this, before normalising, mean the note did not sound. */
    private static final float SILENT_PEAK = 1e-4f;

    private static final Logger LOG = LoggerFactory.getLogger(SynthNotesDataset.class);

    private final SynthNotesSettings settings;
    private final Path soundfont;
    private final AtomicInteger renderedNotes = new AtomicInteger();

    /** The dataset for these settings, with FluidR3 if it is installed, else Gervill's generated bank. */
    public SynthNotesDataset(SynthNotesSettings settings) {
        this(settings, Files.isRegularFile(Path.of(FLUID_R3)) ? Path.of(FLUID_R3) : null);
    }

    /** The dataset for these settings with the given soundfont, or Gervill's generated bank for {@code null}. */
    SynthNotesDataset(SynthNotesSettings settings, Path soundfont) {
        this.settings = Check.notNull("settings", settings);
        this.soundfont = soundfont;
    }

    @Override
    public String name() {
        return "notes";
    }

    public SynthNotesSettings settings() {
        return settings;
    }

    /**
     * Which instruments are used: {@code sf2:<path>}, or {@code gervill-generated} for Gervill's
     * generated bank, saved once as {@value #GENERATED_BANK} in the cache folder and reused.
     */
    public String bank() {
        return soundfont == null ? "gervill-generated" : "sf2:" + soundfont.toAbsolutePath();
    }

    @Override
    public AudioSplits load(Path cacheDir) throws IOException {
        Path bankFile = bankFile(cacheDir);
        Path folder = cacheFolder(cacheDir, bankFile);
        if (Files.isRegularFile(folder.resolve(NotesCache.METADATA))) {
            return NotesCache.read(folder, settings, name());
        }
        GervillRenderer renderer = GervillRenderer.open(bankFile);
        AudioSplits splits = render(renderer);
        NotesCache.write(folder, splits, settings, bankKey(bankFile), renderer.bankDescription());
        return splits;
    }

    /** The folder under {@code cacheDir} that holds these settings' clips once rendered. */
    Path cacheFolder(Path cacheDir) throws IOException {
        return cacheFolder(cacheDir, bankFile(cacheDir));
    }

    private Path cacheFolder(Path cacheDir, Path bankFile) throws IOException {
        String key = ContentHash.ofText(
                "schema=" + NotesCache.SCHEMA_VERSION + ";" + settings.canonical() + ";bank=" + bankKey(bankFile));
        return cacheDir.resolve(name() + "-" + key.substring(0, 16));
    }

    private Path bankFile(Path cacheDir) throws IOException {
        if (soundfont != null) {
            return soundfont;
        }
        Path generated = cacheDir.resolve(GENERATED_BANK);
        GervillRenderer.saveGeneratedBank(generated);
        return generated;
    }

    /**
     * The bank as the cache key sees it: an installed soundfont by path and size (hashing 140 MB
     * on every load would cost more than it guards), the generated bank by its SHA-256.
     */
    private String bankKey(Path bankFile) throws IOException {
        if (soundfont != null) {
            return bank() + ";bytes=" + Files.size(bankFile);
        }
        return bank() + ";sha256=" + ContentHash.ofFile(bankFile);
    }

    /** How many notes this instance has rendered; cache reads render none. */
    int renderedNotes() {
        return renderedNotes.get();
    }

    /**
     * The notes drawn from the seed: programs in turn so every timbre is equally common; pitch,
     * velocity and release drawn uniformly.
     */
    static List<SynthNote> drawNotes(SynthNotesSettings settings, SplittableRandom random) {
        List<SynthNote> notes = new ArrayList<>(settings.notes());
        double clipMicros = settings.clipSeconds() * 1e6;
        for (int i = 0; i < settings.notes(); i++) {
            int program = settings.programs().get(i % settings.programs().size());
            int pitch = settings.lowestPitch()
                    + random.nextInt(settings.highestPitch() - settings.lowestPitch() + 1);
            int velocity = settings.velocities().get(random.nextInt(settings.velocities().size()));
            double release = settings.noteOffLow()
                    + (settings.noteOffHigh() - settings.noteOffLow()) * random.nextDouble();
            notes.add(new SynthNote(program, pitch, velocity, Math.round(release * clipMicros)));
        }
        return notes;
    }

    private AudioSplits render(GervillRenderer renderer) throws IOException {
        SplittableRandom root = new SplittableRandom(settings.seed());
        List<SynthNote> notes = drawNotes(settings, root.split());
        SplittableRandom splitRandom = root.split();

        long start = System.nanoTime();
        List<AudioClip> clips = new ArrayList<>(notes.size());
        for (SynthNote note : notes) {
            float[] samples = renderer.render(note, settings.sampleRate(), settings.clipFrames());
            renderedNotes.incrementAndGet();
            clips.add(new AudioClip(normalise(samples, note), note.label()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Rendered {} notes of {} s in {} s ({} notes/s) with {}", notes.size(), settings.clipSeconds(),
                String.format("%.2f", seconds), String.format("%.0f", notes.size() / seconds),
                renderer.bankDescription());

        int[] order = shuffledIndices(notes.size(), splitRandom);
        int train = settings.trainSize();
        int validation = settings.validationSize();
        List<AudioClip> trainClips = pick(clips, order, 0, train);
        List<AudioClip> validationClips = pick(clips, order, train, train + validation);
        List<AudioClip> testClips = pick(clips, order, train + validation, order.length);
        return new AudioSplits(name(), settings.sampleRate(), trainClips, validationClips, testClips,
                ContentHash.of(trainClips, validationClips, testClips));
    }

    private static float[] normalise(float[] samples, SynthNote note) throws IOException {
        float peak = 0;
        for (float sample : samples) {
            peak = Math.max(peak, Math.abs(sample));
        }
        if (!(peak >= SILENT_PEAK) || Float.isInfinite(peak)) {
            throw new IOException("Note " + note + " rendered " + (peak < SILENT_PEAK ? "silent" : "non-finite")
                    + " (peak " + peak + "); choose other programs, pitches or a longer note.");
        }
        float scale = PEAK / peak;
        for (int i = 0; i < samples.length; i++) {
            samples[i] *= scale;
        }
        return samples;
    }

    /** Fisher-Yates over 0..n-1 with the split's own generator. */
    private static int[] shuffledIndices(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static List<AudioClip> pick(List<AudioClip> clips, int[] order, int from, int to) {
        List<AudioClip> picked = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            picked.add(clips.get(order[i]));
        }
        return List.copyOf(picked);
    }
}
