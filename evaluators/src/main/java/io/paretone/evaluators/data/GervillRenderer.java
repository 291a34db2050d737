package io.paretone.evaluators.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Patch;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;

/**
 * Renders single notes offline with the JDK's Gervill synthesizer, faster than real time and
 * without a sound card.
 *
 * <p>Offline rendering ({@code AudioSynthesizer.openStream}) lives in {@code com.sun.media.sound},
 * which {@code java.desktop} does not export. It is called by reflection, which the module system
 * still refuses unless the JVM runs with {@value #ADD_EXPORTS}; without it {@link #open} fails
 * with a message saying so. Each note gets a fresh synthesizer, so a clip depends on its note
 * alone and not on the notes rendered before it. Reverb, chorus and automatic gain control are
 * off and every synthesizer setting is passed explicitly, so user preferences cannot change the
 * audio. Instruments always come from a SoundFont file (see {@link #saveGeneratedBank}), so the
 * same file and notes give bit-identical samples in every JVM.
 *
 * <p>Gervill's generated bank draws its waveforms' phases from {@code Math.random()}, whose
 * generator is private to {@code java.lang}: to generate the same bank on every machine, this
 * class seeds that generator, which needs {@value #ADD_OPENS} as well.
 */
final class GervillRenderer {
    /** The JVM option that opens Gervill's offline rendering to this code. */
    static final String ADD_EXPORTS = "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED";

    /** The JVM option that lets this code seed {@code Math.random()} while Gervill generates its bank. */
    static final String ADD_OPENS = "--add-opens java.base/java.lang=ALL-UNNAMED";

    /** The seed of {@code Math.random()} while the bank is generated: any fixed value, never changed (caches hash the bank). */
    private static final long GENERATED_BANK_SEED = 20070101L;

    private static final String INTERNAL_PACKAGE = "com.sun.media.sound";

    private final Soundbank bank;
    private final Method openStream;

    private GervillRenderer(Soundbank bank, Method openStream) {
        this.bank = bank;
        this.openStream = openStream;
    }

    /**
     * A renderer playing the instruments of the SoundFont file {@code soundfont}.
     *
     * @throws IllegalStateException if this JVM cannot render offline; the message says what to do
     * @throws IOException if the soundfont cannot be read
     */
    static GervillRenderer open(Path soundfont) throws IOException {
        requireAccess();
        Method openStream;
        try {
            openStream = Class.forName(INTERNAL_PACKAGE + ".AudioSynthesizer")
                    .getMethod("openStream", AudioFormat.class, Map.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "This JDK has no Gervill synthesizer (" + e
                            + "); render the notes dataset on an OpenJDK build with the java.desktop module.",
                    e);
        }
        try {
            return new GervillRenderer(MidiSystem.getSoundbank(soundfont.toFile()), openStream);
        } catch (InvalidMidiDataException e) {
            throw new IOException(
                    "Cannot read the soundfont " + soundfont + ": " + e.getMessage() + "; replace or delete the file.",
                    e);
        }
    }

    /**
     * Saves Gervill's generated General MIDI bank to {@code file} (through a temporary file) unless
     * it is there already.
     *
     * <p>Gervill generates that bank with {@code Math.random()} phases, so left alone every
     * generation differs, and so would the notes and every judge trained on them (the CI's quality
     * checks failed on some machines and passed on others that way). {@code Math.random()}'s
     * generator is therefore seeded with a fixed value for the generation (and reseeded from the
     * clock after it), which gives the same bytes on every machine with the same JDK's Gervill. The
     * notes are rendered from the saved copy, whose hash goes into the cache key. Gervill's own
     * default bank is not used: it may be a {@code default.sf2} found on the machine or a copy saved
     * under {@code ~/.gervill}.
     */
    static void saveGeneratedBank(Path file) throws IOException {
        saveGeneratedBank(file, GENERATED_BANK_SEED);
    }

    /**
     * As {@link #saveGeneratedBank(Path)}, with {@code Math.random()} seeded by {@code seed}: another
     * of the banks Gervill generates, for measuring how much a result owes to one bank.
     */
    static void saveGeneratedBank(Path file, long seed) throws IOException {
        if (Files.isRegularFile(file)) {
            return;
        }
        requireAccess();
        requireSeedAccess();
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".tmp");
        try {
            Object bank = generateSeeded(seed);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                bank.getClass().getMethod("save", OutputStream.class).invoke(bank, out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // Another process saved its bank first; use theirs.
            }
        } catch (InvocationTargetException e) {
            throw new IOException("Gervill could not generate its built-in soundbank: " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "This JDK's Gervill cannot generate a soundbank (" + e + "); install a General MIDI soundfont at "
                            + SynthNotesDataset.FLUID_R3 + ".",
                    e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Gervill's generated bank with {@code Math.random()} seeded: synchronized on this class so two
     * threads of one JVM do not interleave their draws (another caller of {@code Math.random()}
     * during the generation still would; paretone has none).
     */
    private static synchronized Object generateSeeded(long seed) throws ReflectiveOperationException {
        Random mathRandom = mathRandomGenerator();
        mathRandom.setSeed(seed);
        try {
            return Class.forName(INTERNAL_PACKAGE + ".EmergencySoundbank")
                    .getMethod("createSoundbank")
                    .invoke(null);
        } finally {
            mathRandom.setSeed(System.nanoTime() ^ Double.doubleToLongBits(Math.random()));
        }
    }

    private static Random mathRandomGenerator() throws ReflectiveOperationException {
        Field holder =
                Class.forName("java.lang.Math$RandomNumberGeneratorHolder").getDeclaredField("randomNumberGenerator");
        holder.setAccessible(true);
        return (Random) holder.get(null);
    }

    private static void requireAccess() {
        Module desktop = Synthesizer.class.getModule();
        if (desktop.isNamed() && !desktop.isExported(INTERNAL_PACKAGE, GervillRenderer.class.getModule())) {
            throw new IllegalStateException("The notes dataset renders offline with the JDK's Gervill "
                    + "synthesizer, whose offline API is internal to java.desktop. Start the JVM with "
                    + ADD_EXPORTS + " (for java -jar, add 'Add-Exports: java.desktop/"
                    + INTERNAL_PACKAGE + "' to the jar manifest).");
        }
    }

    /** Generating the bank seeds {@code Math.random()}, whose generator {@code java.lang} hides unless opened. */
    private static void requireSeedAccess() {
        Module base = Object.class.getModule();
        if (base.isNamed() && !base.isOpen("java.lang", GervillRenderer.class.getModule())) {
            throw new IllegalStateException("Without a General MIDI soundfont at " + SynthNotesDataset.FLUID_R3
                    + ", the notes dataset renders with Gervill's generated bank, which is the same on every machine"
                    + " only when paretone seeds Math.random() while generating it. Start the JVM with " + ADD_OPENS
                    + " (for java -jar, add 'Add-Opens: java.base/java.lang' to the jar manifest), or install the"
                    + " soundfont (Debian and Ubuntu: fluid-soundfont-gm).");
        }
    }

    /** The bank's own name and version, as it describes itself. */
    String bankDescription() {
        return bank.getName() + " " + bank.getVersion() + " (" + bank.getVendor() + ")";
    }

    /**
     * One note on MIDI channel 1 from time 0, released after {@code note.noteOffMicros()}, as
     * {@code frames} samples of mono audio at {@code sampleRate}, not normalised.
     */
    float[] render(SynthNote note, int sampleRate, int frames) throws IOException {
        Synthesizer synth;
        try {
            synth = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new IOException("No MIDI synthesizer is available: " + e.getMessage(), e);
        }
        AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, sampleRate, 32, 1, 4, sampleRate, false);
        try (InputStream stream = (InputStream) openStream.invoke(synth, format, settings(format))) {
            Instrument instrument = bank.getInstrument(new Patch(0, note.program()));
            if (instrument == null) {
                throw new IOException("The soundbank " + bankDescription() + " has no General MIDI program "
                        + note.program() + "; choose other programs.");
            }
            synth.loadInstrument(instrument);
            Receiver receiver = synth.getReceiver();
            receiver.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, note.program(), 0), 0);
            receiver.send(new ShortMessage(ShortMessage.NOTE_ON, 0, note.pitch(), note.velocity()), 0);
            receiver.send(new ShortMessage(ShortMessage.NOTE_OFF, 0, note.pitch(), 0), note.noteOffMicros());
            byte[] bytes = stream.readNBytes(frames * 4);
            if (bytes.length != frames * 4) {
                throw new IOException("Gervill stopped after " + bytes.length / 4 + " of " + frames + " samples");
            }
            float[] samples = new float[frames];
            ByteBuffer.wrap(bytes)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer()
                    .get(samples);
            return samples;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(
                    "Gervill's offline rendering is not accessible; start the JVM with " + ADD_EXPORTS + ".", e);
        } catch (InvocationTargetException e) {
            throw new IOException(
                    "Gervill refused to render " + format + ": " + e.getCause() + "; try another sample rate.", e);
        } catch (MidiUnavailableException | InvalidMidiDataException e) {
            throw new IOException("Gervill could not play " + note + ": " + e.getMessage(), e);
        } finally {
            synth.close();
        }
    }

    /** Every Gervill setting spelled out, so its user preferences node cannot change the audio. */
    private static Map<String, Object> settings(AudioFormat format) {
        Map<String, Object> info = new HashMap<>();
        info.put("format", format);
        info.put("interpolation", "linear");
        info.put("control rate", 147f);
        info.put("max polyphony", 64);
        info.put("reverb", false);
        info.put("chorus", false);
        info.put("auto gain control", false);
        info.put("large mode", false);
        info.put("midi channels", 16);
        info.put("jitter correction", false);
        info.put("light reverb", true);
        info.put("load default soundbank", false);
        return info;
    }
}
