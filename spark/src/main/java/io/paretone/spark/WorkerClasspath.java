package io.paretone.spark;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The class path a worker JVM gets on an executor: the executor's own, plus the jars Spark fetched
 * for the application (spark.jars), which Spark loads through the task's class loader rather than
 * the system class path.
 */
final class WorkerClasspath {
    private WorkerClasspath() {}

    static String ofThisTask() {
        Set<String> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if (url.getProtocol().equals("file")) {
                        try {
                            entries.add(Path.of(url.toURI()).toString());
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            // not a plain file: a worker could not use it either
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
