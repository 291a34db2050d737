package io.paretone.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The jars the driver sends to a cluster's executors ({@code spark.jars}) when it was started
 * without spark-submit: those of its class path, and those their manifests name. With
 * {@code java -jar paretone-spark.jar} the class path is that one jar, whose manifest lists every
 * dependency under {@code lib/}.
 */
final class ApplicationJars {
    private ApplicationJars() {}

    /** @param classPath a class path such as {@code java.class.path} */
    static List<String> of(String classPath) {
        Set<String> jars = new LinkedHashSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                add(Path.of(entry).toAbsolutePath().normalize(), jars);
            }
        }
        return new ArrayList<>(jars);
    }

    private static void add(Path jar, Set<String> jars) {
        if (!Files.isRegularFile(jar) || !jars.add(jar.toString())) {
            return;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String listed =
                    manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (listed == null) {
                return;
            }
            for (String entry : listed.trim().split("\\s+")) {
                // Manifest entries are URLs relative to the jar's folder.
                if (entry.endsWith(".jar")) {
                    add(jar.resolveSibling(entry).normalize(), jars);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the jar " + jar + " to send it to the executors: " + e.getMessage(), e);
        }
    }
}
