package io.paretone.evaluators.data;

import io.paretone.spaces.check.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in {@code notes} dataset: NSynth-like single notes of several General MIDI timbres,
 * rendered offline by the JDK's Gervill synthesizer, scaled to a peak of {@value #PEAK} x velocity /
 * 127 (so velocity is heard as loudness whatever the bank does with it), labelled
 * with their {@value #INSTRUMENT} (General MIDI program) and {@value #PITCH} (MIDI note number).
 * Velocity and release time vary from note to note but are not labels.
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
    /** The name of this kind of dataset, as {@code dataset.kind} gives it. */
    public static final String NAME = "notes";
    /** Where Debian and Ubuntu's {@code fluid-soundfont-gm} installs the FluidR3 General MIDI bank. */
    public static final String FLUID_R3 = "/usr/share/sounds/sf2/FluidR3_GM.sf2";

    /** The label facet holding the General MIDI program number. */
    public static final String INSTRUMENT = "instrument";

    /** The label facet holding the MIDI note number. */
    public static final String PITCH = "pitch";

    /** What the loudest sample of every clip is scaled to. */
    public static final float PEAK = 0.9f;

    /** The file name, under the cache directory, of Gervill's generated bank once saved. */
    public static final String GENERATED_BANK = "gervill-generated.sf2";

    /** Bump when the way notes are drawn or rendered changes, so caches of the old way are not read. */
    private static final int RENDERING_VERSION = 2;

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
        return NAME;
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
        String key = cacheKey(bankFile);
        Path folder = SplitsCache.folder(cacheDir, name(), key);
        if (SplitsCache.exists(folder)) {
            return SplitsCache.read(folder, key, name(), settings.sampleRate());
        }
        GervillRenderer renderer = GervillRenderer.open(bankFile);
        AudioSplits splits = render(renderer);
        SplitsCache.write(
                folder, splits, key, Map.of("bank", bankKey(bankFile), "bankDescription", renderer.bankDescription()));
        return splits;
    }

    /** The folder under {@code cacheDir} that holds these settings' clips once rendered. */
    Path cacheFolder(Path cacheDir) throws IOException {
        return SplitsCache.folder(cacheDir, name(), cacheKey(bankFile(cacheDir)));
    }

    private String cacheKey(Path bankFile) throws IOException {
        return "rendering=" + RENDERING_VERSION + ";" + settings.canonical() + ";bank=" + bankKey(bankFile);
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
     * The notes drawn from the seed: programs in turn so every timbre is equally common; for each
     * program, its (pitch, velocity) pairs in a shuffled order, so no two notes of a program share
     * both until every pair has been used (then the order starts again); release drawn uniformly.
     * Distinct notes keep the test split from holding copies of training notes, which would hide
     * memorisation.
     */
    static List<SynthNote> drawNotes(SynthNotesSettings settings, SplittableRandom random) {
        int pitches = settings.highestPitch() - settings.lowestPitch() + 1;
        int pairs = pitches * settings.velocities().size();
        int programs = settings.programs().size();
        int[][] orders = new int[programs][];
        int[] used = new int[programs];
        List<SynthNote> notes = new ArrayList<>(settings.notes());
        double clipMicros = settings.clipSeconds() * 1e6;
        for (int i = 0; i < settings.notes(); i++) {
            int p = i % programs;
            if (orders[p] == null || used[p] == pairs) {
                orders[p] = Splitter.shuffledIndices(pairs, random);
                used[p] = 0;
            }
            int pair = orders[p][used[p]++];
            int pitch = settings.lowestPitch() + pair % pitches;
            int velocity = settings.velocities().get(pair / pitches);
            double release =
                    settings.noteOffLow() + (settings.noteOffHigh() - settings.noteOffLow()) * random.nextDouble();
            notes.add(new SynthNote(settings.programs().get(p), pitch, velocity, Math.round(release * clipMicros)));
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
            clips.add(new AudioClip(normalise(samples, note), note.labels()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info(
                "Rendered {} notes of {} s in {} s ({} notes/s) with {}",
                notes.size(),
                settings.clipSeconds(),
                String.format("%.2f", seconds),
                String.format("%.0f", notes.size() / seconds),
                renderer.bankDescription());

        return Splitter.split(name(), settings.sampleRate(), clips, settings.fractions(), splitRandom);
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
        float scale = PEAK * note.velocity() / 127f / peak;
        for (int i = 0; i < samples.length; i++) {
            samples[i] *= scale;
        }
        return samples;
    }
}
