package io.paretone.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationJarsTest {
    @TempDir
    Path dir;

    private static Path jar(Path file, String classPath) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(file), m)) {
            return file;
        }
    }

    @Test
    void javaDashJarSendsTheJarAndEveryJarItsManifestLists() throws IOException {
        Path app = jar(dir.resolve("paretone-spark.jar"), "lib/a.jar lib/b.jar lib/missing.jar");
        Path a = jar(dir.resolve("lib/a.jar"), "c.jar"); // a listed jar's own manifest counts too
        Path b = jar(dir.resolve("lib/b.jar"), null);
        Path c = jar(dir.resolve("lib/c.jar"), "../paretone-spark.jar"); // a cycle is followed once
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(
                List.of(app, a, c, b).stream().map(Path::toString).toList(),
                ApplicationJars.of(app + File.pathSeparator + classes));
    }
}
