package io.paretone.search.worker;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a worker JVM is started: this JVM's java binary and class path, the worker's main class,
 * and the system properties that configure paretone and DJL, so a worker behaves as this process
 * would. A worker exits at once on running out of Java heap, which the scheduler reports as such.
 *
 * @param heapMegabytes the worker's {@code -Xmx}; 0 for the JVM's default
 */
public record WorkerLaunch(
        String java, String classpath, String mainClass, int heapMegabytes, List<String> properties) {
    /** System properties passed on to workers, by prefix. */
    private static final List<String> FORWARDED =
            List.of("paretone.", "ai.djl.", "logback.", "java.io.tmpdir", "org.sqlite.");

    public static WorkerLaunch ofThisJvm(String mainClass, int heapMegabytes) {
        List<String> props = new ArrayList<>();
        for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
            String key = e.getKey().toString();
            if (FORWARDED.stream().anyMatch(key::startsWith)) {
                props.add("-D" + key + "=" + e.getValue());
            }
        }
        props.sort(null);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new WorkerLaunch(java, classpathOfThisThread(), mainClass, heapMegabytes, props);
    }

    /**
     * This JVM's class path plus the jars that this thread's class loaders added at run time: a
     * launcher such as {@code spark-submit}, or a Spark executor running a task, loads the
     * application's jars that way rather than through the system class path.
     */
    static String classpathOfThisThread() {
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

    /**
     * The command line of one worker.
     *
     * @param cpuThreads PyTorch's intra-op threads for the worker (its share of the cores); 0 to
     *     leave PyTorch's default
     */
    public List<String> command(int cpuThreads) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.add("-XX:+ExitOnOutOfMemoryError");
        if (heapMegabytes > 0) {
            c.add("-Xmx" + heapMegabytes + "m");
        }
        c.addAll(properties);
        if (cpuThreads > 0 && properties.stream().noneMatch(p -> p.startsWith("-Dai.djl.pytorch.num_threads="))) {
            c.add("-Dai.djl.pytorch.num_threads=" + cpuThreads);
            c.add("-Dai.djl.pytorch.num_interop_threads=1");
        }
        c.add("-cp");
        c.add(classpath);
        c.add(mainClass);
        return c;
    }
}
