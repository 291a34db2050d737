package io.paretone.evaluators.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 */
final class GervillRenderer {
    /** The JVM option that opens Gervill's offline rendering to this code. */
    static final String ADD_EXPORTS = "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED";

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
            throw new IllegalStateException("This JDK has no Gervill synthesizer (" + e
                    + "); render the notes dataset on an OpenJDK build with the java.desktop module.", e);
        }
        try {
            return new GervillRenderer(MidiSystem.getSoundbank(soundfont.toFile()), openStream);
        } catch (InvalidMidiDataException e) {
            throw new IOException("Cannot read the soundfont " + soundfont + ": " + e.getMessage()
                    + "; replace or delete the file.", e);
        }
    }

    /**
     * Saves Gervill's generated General MIDI bank to {@code file} (through a temporary file) unless
     * it is there already.
     *
     * <p>Gervill generates that bank with {@code Math.random()} phases, so every generation differs.
     * The notes are therefore always rendered from a saved copy: the same file gives the same
     * notes, and its hash goes into the cache key. Gervill's own default bank is not used either: it
     * may be a {@code default.sf2} found on the machine or a copy saved under {@code ~/.gervill}.
     */
    static void saveGeneratedBank(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return;
        }
        requireAccess();
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".tmp");
        try {
            Object bank = Class.forName(INTERNAL_PACKAGE + ".EmergencySoundbank")
                    .getMethod("createSoundbank")
                    .invoke(null);
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
            throw new IllegalStateException("This JDK's Gervill cannot generate a soundbank (" + e
                    + "); install a General MIDI soundfont at " + SynthNotesDataset.FLUID_R3 + ".", e);
        } finally {
            Files.deleteIfExists(temporary);
        }
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
        AudioFormat format = new AudioFormat(
                AudioFormat.Encoding.PCM_FLOAT, sampleRate, 32, 1, 4, sampleRate, false);
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
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(samples);
            return samples;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Gervill's offline rendering is not accessible; start the JVM with "
                    + ADD_EXPORTS + ".", e);
        } catch (InvocationTargetException e) {
            throw new IOException("Gervill refused to render " + format + ": " + e.getCause()
                    + "; try another sample rate.", e);
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
