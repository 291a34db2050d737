package io.paretone.search.worker;

import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.data.ContentHash;
import io.paretone.evaluators.data.DataSplits;
import io.paretone.evaluators.data.Example;
import io.paretone.evaluators.data.image.ImageSplits;
import io.paretone.spaces.Domain;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study's loaded splits in one file that workers read, so a worker needs neither the dataset's
 * settings nor its renderer: whatever produced the data (synthesised notes, a folder of WAVs,
 * rendered digits), the workers train on exactly the examples the study loaded. Named by the data's
 * content hash and checked against it when read; no Java serialisation.
 *
 * <p>Layout: the magic number, the domain, the dataset name, its layout (such as a sample rate or
 * an image format), the content hash, then each split (train, validation, test) as an example
 * count and per example its label facets (count, then each UTF-8 name and value) and float values.
 */
public final class StudyDataFile {
    private static final int MAGIC = 0x50415333; // "PAS3": any domain's examples

    private StudyDataFile() {}

    /** Writes the splits into {@code dir} unless a file of the same content is there; returns its path. */
    public static Path export(DataSplits data, Path dir) throws IOException {
        Path file = dir.resolve("splits-" + data.contentHash().substring(0, 16) + ".bin");
        if (Files.exists(file)) {
            try {
                read(file, data.contentHash());
                return file;
            } catch (IOException e) {
                // a damaged or partial file from an earlier crash, or an older layout: write it again
            }
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "splits-", ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(MAGIC);
            writeText(out, data.domain().id());
            writeText(out, data.datasetName());
            writeText(out, data.layout());
            writeText(out, data.contentHash());
            for (List<? extends Example> split : List.of(data.train(), data.validation(), data.test())) {
                out.writeInt(split.size());
                for (Example example : split) {
                    out.writeInt(example.labels().size());
                    for (Map.Entry<String, String> facet : example.labels().entrySet()) {
                        writeText(out, facet.getKey());
                        writeText(out, facet.getValue());
                    }
                    out.writeInt(example.values().length);
                    for (float v : example.values()) {
                        out.writeFloat(v);
                    }
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /**
     * Reads the splits and checks their content hash.
     *
     * @param expectedHash the hash the study recorded; null to check only against the file's own
     * @throws IOException if the file is unreadable or its content does not match the hash
     */
    public static DataSplits read(Path file, String expectedHash) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a paretone splits file of this version");
            }
            Domain domain = domain(readText(in), file);
            String name = readText(in);
            String layout = readText(in);
            String hash = readText(in);
            List<List<Example>> splits = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                int n = in.readInt();
                List<Example> examples = new ArrayList<>(n);
                for (int c = 0; c < n; c++) {
                    int facets = in.readInt();
                    if (facets < 0 || facets > 1000) {
                        throw new IOException("corrupt splits file: " + facets + " label facets");
                    }
                    Map<String, String> labels = new LinkedHashMap<>();
                    for (int f = 0; f < facets; f++) {
                        labels.put(readText(in), readText(in));
                    }
                    float[] values = new float[in.readInt()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = in.readFloat();
                    }
                    examples.add(new Stored(values, labels));
                }
                splits.add(examples);
            }
            String actual = ContentHash.of(splits.get(0), splits.get(1), splits.get(2));
            if (!actual.equals(hash) || (expectedHash != null && !expectedHash.equals(hash))) {
                throw new IOException(file + " holds data of hash " + actual + ", expected "
                        + (expectedHash == null ? hash : expectedHash));
            }
            try {
                return switch (domain) {
                    case AUDIO -> AudioSplits.of(name, layout, splits, hash);
                    case IMAGE -> ImageSplits.of(name, layout, splits, hash);
                };
            } catch (IllegalArgumentException e) {
                throw new IOException("corrupt splits file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** An example as the file holds it, before its domain gives it a type. */
    private record Stored(float[] values, Map<String, String> labels) implements Example {}

    private static Domain domain(String id, Path file) throws IOException {
        try {
            return Domain.byId(id);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " holds data of an unknown domain " + id, e);
        }
    }

    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 20)) {
            throw new IOException("corrupt splits file: text of length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
