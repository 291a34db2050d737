package io.paretone.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No package of paretone depends on itself through others: every module's main sources are read,
 * each reference to an {@code io.paretone} class in another package (an import, a static import or
 * a fully qualified name in code) is an edge, and any cycle among packages fails the test, named
 * with the file behind each edge. Comments and strings are left out, so a javadoc link is no edge.
 * References within a package are not edges: a package is the unit that must not loop.
 */
class PackageCyclesTest {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    /** A qualified name: lower-case package parts, then the class. */
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.paretone((?:\\.[a-z]\\w*)+)\\.[A-Z]");

    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "//[^\\n]*|/\\*(?s:.*?)\\*/|\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\])'");

    @Test
    void noPackageOfTheMainSourcesDependsOnItself() throws IOException {
        // Surefire runs in the module's folder; the modules are its siblings. -Dparetone.sourceRoot
        // checks another checkout.
        Path root = Path.of(System.getProperty("paretone.sourceRoot", ".."))
                .toAbsolutePath()
                .normalize();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .sorted()
                    .forEach(sources::add);
        }
        assertTrue(sources.size() >= 4, "the modules' main sources under " + root + ": " + sources);
        Graph graph = Graph.read(sources);
        assertTrue(graph.packages() >= 20, graph.packages() + " packages read under " + root);
        assertEquals(
                List.of(),
                graph.cycles(),
                "package cycles, each arrow with a file of the package before it that"
                        + " refers to the next; break a cycle by moving the type both need down");
    }

    /** The check itself: two packages that import each other are a cycle, named with the files. */
    @Test
    void twoPackagesImportingEachOtherAreACycle(@TempDir Path dir) throws IOException {
        write(dir, "io/paretone/a/A.java", "package io.paretone.a;\nimport io.paretone.b.B;\nclass A {}\n");
        write(
                dir,
                "io/paretone/b/B.java",
                "package io.paretone.b;\n// io.paretone.c.C in a comment is no edge\nclass B { io.paretone.a.A a; }\n");
        write(dir, "io/paretone/c/C.java", "package io.paretone.c;\nimport io.paretone.a.A;\nclass C {}\n");
        assertEquals(
                List.of("io.paretone.a -> io.paretone.b (A.java) -> io.paretone.a (B.java)"),
                Graph.read(List.of(dir)).cycles());
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** Packages and, for each edge, the first file (by path) that makes it. */
    private record Graph(Map<String, Map<String, String>> edges) {
        static Graph read(List<Path> sourceRoots) throws IOException {
            Map<String, Map<String, String>> edges = new TreeMap<>();
            for (Path sourceRoot : sourceRoots) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(sourceRoot)) {
                    files = walk.filter(p -> p.toString().endsWith(".java"))
                            .sorted()
                            .toList();
                }
                for (Path file : files) {
                    String code = COMMENTS_AND_STRINGS
                            .matcher(Files.readString(file, StandardCharsets.UTF_8))
                            .replaceAll(" ");
                    Matcher pkg = PACKAGE.matcher(code);
                    if (!pkg.find()) {
                        continue;
                    }
                    Map<String, String> out = edges.computeIfAbsent(pkg.group(1), k -> new TreeMap<>());
                    Matcher ref = REFERENCE.matcher(code);
                    while (ref.find()) {
                        String target = "io.paretone" + ref.group(1);
                        if (!target.equals(pkg.group(1))) {
                            out.putIfAbsent(target, file.getFileName().toString());
                        }
                    }
                }
            }
            return new Graph(edges);
        }

        int packages() {
            return edges.size();
        }

        /**
         * One cycle through each group of packages that reach each other (Tarjan's strongly
         * connected components), as "a -> b (file) -> a (file)", starting at the group's first package.
         */
        List<String> cycles() {
            List<String> out = new ArrayList<>();
            for (TreeSet<String> group : components()) {
                if (group.size() > 1) {
                    out.add(cycleThrough(group.first(), group));
                }
            }
            return out;
        }

        /** The shortest way from {@code start} back to itself inside the group, found breadth first. */
        private String cycleThrough(String start, TreeSet<String> group) {
            Map<String, String> cameFrom = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                String at = queue.poll();
                for (String next : targets(at)) {
                    if (!group.contains(next) || cameFrom.containsKey(next)) {
                        continue;
                    }
                    cameFrom.put(next, at);
                    if (next.equals(start)) {
                        queue.clear();
                        break;
                    }
                    queue.add(next);
                }
            }
            List<String> path = new ArrayList<>();
            String at = start;
            do {
                String from = cameFrom.get(at);
                path.add(0, at + " (" + edges.get(from).get(at) + ")");
                at = from;
            } while (!at.equals(start));
            return start + " -> " + String.join(" -> ", path);
        }

        private List<String> targets(String pkg) {
            return new ArrayList<>(edges.getOrDefault(pkg, Map.of()).keySet());
        }

        private List<TreeSet<String>> components() {
            Map<String, Integer> index = new HashMap<>();
            Map<String, Integer> low = new HashMap<>();
            Deque<String> stack = new ArrayDeque<>();
            List<TreeSet<String>> out = new ArrayList<>();
            for (String v : edges.keySet()) {
                if (!index.containsKey(v)) {
                    connect(v, index, low, stack, out);
                }
            }
            return out;
        }

        private void connect(
                String v,
                Map<String, Integer> index,
                Map<String, Integer> low,
                Deque<String> stack,
                List<TreeSet<String>> out) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            for (String w : targets(v)) {
                if (!edges.containsKey(w)) {
                    continue; // a package outside these sources
                }
                if (!index.containsKey(w)) {
                    connect(w, index, low, stack, out);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (stack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                TreeSet<String> group = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    group.add(w);
                } while (!w.equals(v));
                out.add(group);
            }
        }
    }
}
