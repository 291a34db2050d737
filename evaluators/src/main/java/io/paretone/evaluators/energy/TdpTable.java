package io.paretone.evaluators.energy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Thermal design power of common CPUs and GPUs, from the shipped resource {@code tdp.tsv}, for the
 * estimates used where no power counter can be read.
 *
 * <p>A model matches an entry when the entry's key appears in the model name as whole words
 * (so "A10" does not match "A100"); the longest matching key wins ("Gold 6248R" over "Gold 6248").
 * "(R)" and "(TM)" are ignored.
 */
public final class TdpTable {
    private static final String RESOURCE = "tdp.tsv";

    /**
     * @param kind {@code cpu} or {@code gpu}
     * @param key words that identify the model
     * @param tdpWatts the vendor's TDP (CPU package) or board power (GPU)
     * @param threads hardware threads per CPU package; 0 for GPUs
     */
    public record Entry(String kind, String key, double tdpWatts, int threads) {}

    private final List<Entry> entries;

    TdpTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The table shipped with paretone. */
    public static TdpTable shipped() {
        try (InputStream in = TdpTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the paretone jar");
            }
            return new TdpTable(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    static List<Entry> parse(BufferedReader reader) throws IOException {
        List<Entry> list = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("kind\t")) {
                continue;
            }
            String[] f = line.split("\t");
            list.add(new Entry(f[0], f[1], Double.parseDouble(f[2]), f[3].equals("-") ? 0 : Integer.parseInt(f[3])));
        }
        return list;
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> cpu(String model) {
        return find("cpu", model);
    }

    public Optional<Entry> gpu(String name) {
        return find("gpu", name);
    }

    private Optional<Entry> find(String kind, String model) {
        if (model == null) {
            return Optional.empty();
        }
        String name = normalise(model);
        return entries.stream()
                .filter(e -> e.kind().equals(kind) && containsWords(name, normalise(e.key())))
                .max(Comparator.comparingInt(e -> e.key().length()));
    }

    private static String normalise(String s) {
        return s.replace("(R)", " ")
                .replace("(TM)", " ")
                .replaceAll("\\s+", " ")
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private static boolean containsWords(String text, String key) {
        for (int i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int end = i + key.length();
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }
}
