package io.paretone.evaluators.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One rendered {@code notes} dataset on disk: a folder holding {@value #METADATA} (schema version,
 * settings, sample rate, bank, content hash, split sizes) and one {@code <split>.clips} file per
 * split (labels and float samples, big-endian). The folder is written under a temporary name and
 * renamed in one step, so a crash never leaves a half-written cache under the real name.
 */
final class NotesCache {
    /** Bump when the layout changes; it is part of the folder name, so old caches are not read. */
    static final int SCHEMA_VERSION = 1;

    static final String METADATA = "metadata.properties";
    private static final int MAGIC = 0x50544e43; // "PTNC"
    private static final List<String> SPLITS = List.of("train", "validation", "test");

    private NotesCache() {}

    /** Writes {@code splits} to {@code folder} atomically; if another process got there first, keeps theirs. */
    static void write(Path folder, AudioSplits splits, SynthNotesSettings settings, String bank, String bankDescription)
            throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, folder.getFileName() + ".tmp-");
        try {
            List<List<AudioClip>> parts = List.of(splits.train(), splits.validation(), splits.test());
            for (int i = 0; i < SPLITS.size(); i++) {
                writeClips(temporary.resolve(SPLITS.get(i) + ".clips"), parts.get(i));
            }
            Properties metadata = new Properties();
            metadata.setProperty("schema", Integer.toString(SCHEMA_VERSION));
            metadata.setProperty("dataset", splits.datasetName());
            metadata.setProperty("settings", settings.canonical());
            metadata.setProperty("sampleRate", Integer.toString(splits.sampleRate()));
            metadata.setProperty("bank", bank);
            metadata.setProperty("bankDescription", bankDescription);
            metadata.setProperty("contentHash", splits.contentHash());
            metadata.setProperty("javaVersion", System.getProperty("java.version"));
            for (int i = 0; i < SPLITS.size(); i++) {
                metadata.setProperty(SPLITS.get(i) + ".clips", Integer.toString(parts.get(i).size()));
            }
            try (Writer out = Files.newBufferedWriter(temporary.resolve(METADATA), StandardCharsets.UTF_8)) {
                metadata.store(out, "paretone notes dataset cache");
            }
            try {
                Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                if (!Files.isRegularFile(folder.resolve(METADATA))) {
                    throw e;
                }
            }
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Reads a folder written by {@link #write}, checking it was made from these settings and that
     * its samples still hash to the recorded content hash.
     */
    static AudioSplits read(Path folder, SynthNotesSettings settings, String datasetName) throws IOException {
        Properties metadata = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(METADATA), StandardCharsets.UTF_8)) {
            metadata.load(in);
        }
        expect(folder, metadata, "schema", Integer.toString(SCHEMA_VERSION));
        expect(folder, metadata, "settings", settings.canonical());
        expect(folder, metadata, "sampleRate", Integer.toString(settings.sampleRate()));
        List<List<AudioClip>> parts = new ArrayList<>();
        for (String split : SPLITS) {
            parts.add(readClips(folder.resolve(split + ".clips")));
        }
        String hash = ContentHash.of(parts.get(0), parts.get(1), parts.get(2));
        expect(folder, metadata, "contentHash", hash);
        return new AudioSplits(datasetName, settings.sampleRate(), parts.get(0), parts.get(1), parts.get(2), hash);
    }

    private static void expect(Path folder, Properties metadata, String key, String expected) throws IOException {
        String found = metadata.getProperty(key);
        if (!expected.equals(found)) {
            throw new IOException("The cache " + folder + " has " + key + " = " + found + " where " + expected
                    + " was expected; delete the folder to render the notes again.");
        }
    }

    private static void writeClips(Path file, List<AudioClip> clips) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(SCHEMA_VERSION);
            out.writeInt(clips.size());
            for (AudioClip clip : clips) {
                out.writeUTF(clip.label());
                out.writeInt(clip.samples().length);
                for (float sample : clip.samples()) {
                    out.writeFloat(sample);
                }
            }
        }
    }

    private static List<AudioClip> readClips(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != SCHEMA_VERSION) {
                throw new IOException(file + " is not a paretone clips file of schema " + SCHEMA_VERSION
                        + "; delete its folder to render the notes again.");
            }
            int count = in.readInt();
            List<AudioClip> clips = new ArrayList<>(count);
            for (int c = 0; c < count; c++) {
                String label = in.readUTF();
                float[] samples = new float[in.readInt()];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = in.readFloat();
                }
                clips.add(new AudioClip(samples, label));
            }
            return List.copyOf(clips);
        } catch (EOFException e) {
            throw new IOException(file + " is cut short; delete its folder to render the notes again.", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // A leftover temporary folder is never read; the next write makes a new one.
                }
            });
        } catch (IOException ignored) {
            // As above.
        }
    }
}
