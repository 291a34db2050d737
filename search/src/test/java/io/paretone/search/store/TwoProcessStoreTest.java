package io.paretone.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.trial.TrialStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes append to one study of one store at the same time; the store stays whole. */
class TwoProcessStoreTest {
    @TempDir
    Path dir;

    @Test
    void twoProcessesAppendingToOneStudyNeitherCollideNorLoseTrials() throws Exception {
        Path file = dir.resolve("shared.db");
        int generations = 30;
        int perGeneration = 8;
        Process a = start(file, generations, perGeneration);
        Process b = start(file, generations, perGeneration);
        List<Integer> byA = finishedBy(a);
        List<Integer> byB = finishedBy(b);

        // Architectures arch-0 .. arch-(g*4+7): each generation adds four new ones.
        int architectures = (generations - 1) * perGeneration / 2 + perGeneration;
        Set<Integer> overlap = new HashSet<>(byA);
        overlap.retainAll(byB);
        assertTrue(overlap.isEmpty(), "trials finished by both processes: " + overlap);
        Set<Integer> all = new HashSet<>(byA);
        all.addAll(byB);
        assertEquals(
                IntStream.rangeClosed(1, architectures).boxed().collect(java.util.stream.Collectors.toSet()),
                all,
                "every trial finished exactly once, numbers 1..n without gaps");

        try (SqliteTrialStore store = SqliteTrialStore.open(file)) {
            long study = store.findStudy("shared").orElseThrow().id();
            List<TrialRow> trials = store.trials(study);
            assertEquals(architectures, trials.size());
            assertEquals(
                    architectures,
                    trials.stream().map(TrialRow::architecture).distinct().count());
            assertTrue(
                    trials.stream().allMatch(t -> t.outcome().status() == TrialStatus.COMPLETE && t.attempts() == 1));
            assertEquals(generations, store.hypervolumes(study).size());
            assertEquals(1, store.studies().size(), "both opened the same study");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            r.next();
            assertEquals("ok", r.getString(1));
        }
    }

    private static Process start(Path file, int generations, int perGeneration) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        StoreAppender.class.getName(),
                        file.toString(),
                        Integer.toString(generations),
                        Integer.toString(perGeneration))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static List<Integer> finishedBy(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the appender did not finish");
        assertEquals(0, p.exitValue(), "appender failed; its output: " + out);
        List<Integer> numbers = new ArrayList<>();
        out.lines().filter(l -> !l.isBlank()).forEach(l -> numbers.add(Integer.parseInt(l.strip())));
        return numbers;
    }
}
