package io.paretone.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.SparkFiles;

/**
 * The quality judge, trained once on the driver and sent to every executor, so that every worker
 * scores with the same frozen weights (as the local engine's workers load the judge the first one
 * trained) and no executor spends a training run on it. The judge's cache folders travel as file
 * bytes in a broadcast: Spark's {@code addFile} takes no local folders on a cluster.
 */
final class JudgeFiles {
    /** The folder, under each executor's Spark files, that serves as its workers' cache. */
    static final String CACHE = "paretone-cache";

    private static final Set<Path> UNPACKED = new HashSet<>();

    private JudgeFiles() {}

    /**
     * The cached judges of this study's data under {@code cacheDir}: relative path to bytes.
     *
     * @param datasetHash the study's data, which every judge's cache key names
     */
    static Map<String, byte[]> collect(Path cacheDir, String datasetHash) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> folders = Files.list(cacheDir)) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().startsWith("judge-"))
                    .toList()) {
                Path metadata = folder.resolve("judge.properties");
                if (!Files.isRegularFile(metadata)
                        || !Files.readString(metadata).contains("data=" + datasetHash + ";")) {
                    continue;
                }
                try (Stream<Path> inside = Files.list(folder)) {
                    for (Path f : inside.filter(Files::isRegularFile).toList()) {
                        files.put(folder.getFileName() + "/" + f.getFileName(), Files.readAllBytes(f));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not read the trained judge under " + cacheDir + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** Writes the files under this executor's Spark files folder, once per executor; returns that cache folder. */
    static Path unpackHere(Map<String, byte[]> files) {
        Path cache = Path.of(SparkFiles.getRootDirectory(), CACHE);
        synchronized (UNPACKED) {
            if (UNPACKED.add(cache)) {
                try {
                    for (Map.Entry<String, byte[]> f : files.entrySet()) {
                        Path target = cache.resolve(f.getKey());
                        Files.createDirectories(target.getParent());
                        Files.write(target, f.getValue());
                    }
                } catch (IOException e) {
                    UNPACKED.remove(cache);
                    throw new UncheckedIOException(
                            "could not write the judge under " + cache + ": " + e.getMessage(), e);
                }
            }
        }
        return cache;
    }
}
