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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One prepared dataset on disk: a folder holding {@value #METADATA} (schema version, the key it was
 * made from, sample rate, content hash, split sizes, and whatever the dataset adds to describe its
 * sources) and one {@code <split>.clips} file per split (labels and float samples, big-endian).
 * The folder is written by {@link AtomicFolder}. Every dataset kind caches this way.
 */
final class SplitsCache {
    /** Bump when the layout changes; it is part of every cache key, so old caches are not read. */
    static final int SCHEMA_VERSION = 2;

    static final String METADATA = "metadata.properties";
    private static final int MAGIC = 0x50544e43; // "PTNC"
    private static final List<String> SPLITS = List.of("train", "validation", "test");

    private SplitsCache() {}

    /**
     * The folder for a dataset made from {@code key}: {@code cacheDir/<dataset>-<16 hex digits of
     * SHA-256(schema; key)>}. The key must spell out everything the clips depend on.
     */
    static Path folder(Path cacheDir, String datasetName, String key) {
        String hash = ContentHash.ofText("schema=" + SCHEMA_VERSION + ";" + key);
        return cacheDir.resolve(datasetName + "-" + hash.substring(0, 16));
    }

    /** Whether {@code folder} holds a finished cache. */
    static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(METADATA));
    }

    /**
     * Writes {@code splits} to {@code folder} atomically; if another process got there first, keeps
     * theirs.
     *
     * @param description extra metadata to record, such as the instrument bank used
     */
    static void write(Path folder, AudioSplits splits, String key, Map<String, String> description) throws IOException {
        AtomicFolder.write(folder, METADATA, temporary -> {
            List<List<AudioClip>> parts = List.of(splits.train(), splits.validation(), splits.test());
            for (int i = 0; i < SPLITS.size(); i++) {
                writeClips(temporary.resolve(SPLITS.get(i) + ".clips"), parts.get(i));
            }
            Properties metadata = new Properties();
            description.forEach(metadata::setProperty);
            metadata.setProperty("schema", Integer.toString(SCHEMA_VERSION));
            metadata.setProperty("dataset", splits.datasetName());
            metadata.setProperty("settings", key);
            metadata.setProperty("sampleRate", Integer.toString(splits.sampleRate()));
            metadata.setProperty("contentHash", splits.contentHash());
            metadata.setProperty("javaVersion", System.getProperty("java.version"));
            for (int i = 0; i < SPLITS.size(); i++) {
                metadata.setProperty(
                        SPLITS.get(i) + ".clips", Integer.toString(parts.get(i).size()));
            }
            try (Writer out = Files.newBufferedWriter(temporary.resolve(METADATA), StandardCharsets.UTF_8)) {
                metadata.store(out, "paretone " + splits.datasetName() + " dataset cache");
            }
        });
    }

    /** One metadata entry of a finished cache, or null if it has none of that name. */
    static String property(Path folder, String key) throws IOException {
        return metadata(folder).getProperty(key);
    }

    private static Properties metadata(Path folder) throws IOException {
        Properties metadata = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(METADATA), StandardCharsets.UTF_8)) {
            metadata.load(in);
        }
        return metadata;
    }

    /**
     * Reads a folder written by {@link #write}, checking it was made from {@code key} at
     * {@code sampleRate} and that its samples still hash to the recorded content hash.
     */
    static AudioSplits read(Path folder, String key, String datasetName, int sampleRate) throws IOException {
        Properties metadata = metadata(folder);
        expect(folder, metadata, "schema", Integer.toString(SCHEMA_VERSION));
        expect(folder, metadata, "settings", key);
        expect(folder, metadata, "sampleRate", Integer.toString(sampleRate));
        List<List<AudioClip>> parts = new ArrayList<>();
        for (String split : SPLITS) {
            parts.add(readClips(folder.resolve(split + ".clips")));
        }
        String hash = ContentHash.of(parts.get(0), parts.get(1), parts.get(2));
        expect(folder, metadata, "contentHash", hash);
        return new AudioSplits(datasetName, sampleRate, parts.get(0), parts.get(1), parts.get(2), hash);
    }

    private static void expect(Path folder, Properties metadata, String key, String expected) throws IOException {
        String found = metadata.getProperty(key);
        if (!expected.equals(found)) {
            throw new IOException("The cache " + folder + " has " + key + " = " + found + " where " + expected
                    + " was expected; delete the folder to prepare the dataset again.");
        }
    }

    private static void writeClips(Path file, List<AudioClip> clips) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(SCHEMA_VERSION);
            out.writeInt(clips.size());
            for (AudioClip clip : clips) {
                out.writeInt(clip.labels().size());
                for (Map.Entry<String, String> facet : clip.labels().entrySet()) {
                    out.writeUTF(facet.getKey());
                    out.writeUTF(facet.getValue());
                }
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
                        + "; delete its folder to prepare the dataset again.");
            }
            int count = in.readInt();
            List<AudioClip> clips = new ArrayList<>(count);
            for (int c = 0; c < count; c++) {
                int facets = in.readInt();
                Map<String, String> labels = new LinkedHashMap<>();
                for (int f = 0; f < facets; f++) {
                    labels.put(in.readUTF(), in.readUTF());
                }
                float[] samples = new float[in.readInt()];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = in.readFloat();
                }
                clips.add(new AudioClip(samples, labels));
            }
            return List.copyOf(clips);
        } catch (EOFException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new IOException(
                    file + " is cut short or damaged; delete its folder to prepare the dataset again.", e);
        }
    }
}
