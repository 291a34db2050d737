package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.store.SqliteTrialStore;
import io.paretone.search.store.StudyRecord;
import io.paretone.search.store.StudyState;
import io.paretone.search.store.TrialRow;
import io.paretone.search.trial.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search killed with SIGKILL in the middle of a trial, then resumed by name: no finished trial
 * is lost or trained again, the one that was running is trained once more, and the killed
 * session's footprint still counts in the study's.
 */
class ResumeAfterKillTest {
    @TempDir
    Path dir;

    @Test
    void aStudyKilledMidTrialResumesLosingNoneAndRepeatingNone() throws Exception {
        Path config = TinyConfig.write(dir, "resumable", java.util.List.of("wavenet"));
        Path runs = dir.resolve("runs");
        Path db = runs.resolve("paretone.db");
        Process first = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--add-exports",
                        "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                        "--add-opens",
                        "java.base/java.lang=ALL-UNNAMED",
                        "-Dparetone.log=" + dir.resolve("first.log"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "search",
                        "--config",
                        config.toString(),
                        "--output",
                        runs.toString(),
                        "--study",
                        "resumable")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.out").toFile())
                .start();
        try {
            waitForATrialMidTraining(db, first);
        } finally {
            List<ProcessHandle> workers = first.toHandle().descendants().toList();
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            first.waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle w : workers) {
                w.onExit().get(60, TimeUnit.SECONDS); // an orphaned worker stops by itself
            }
        }
        Map<Integer, TrialRow> killed = trials(db);
        List<TrialRow> finishedBefore = killed.values().stream()
                .filter(t -> t.outcome().status().finished())
                .toList();
        List<TrialRow> runningBefore = killed.values().stream()
                .filter(t -> t.outcome().status() == TrialStatus.RUNNING)
                .toList();
        assertFalse(finishedBefore.isEmpty(), "some trials finished before the kill");
        assertEquals(1, runningBefore.size(), "one trial was training when the process died");
        double[] killedSession = sessions(db).get(0); // worker_joules, overhead_joules, main_joules
        double killedTrialJoules = finishedBefore.stream()
                .mapToDouble(r -> r.outcome().totalJoules())
                .sum();
        assertTrue(
                killedSession[0] >= killedTrialJoules,
                "the killed session stored its workers' energy (" + killedSession[0]
                        + " J), which covers the trials it finished (" + killedTrialJoules + " J)");
        assertEquals(
                killedSession[2] + killedSession[0] - killedTrialJoules,
                killedSession[1],
                1e-9,
                "its overhead is what it spent beyond its trials");

        CliRun resumed = CliRun.of("search", "--output", runs.toString(), "--study", "resumable");
        assertEquals(0, resumed.exitCode(), resumed.err() + resumed.out());
        assertTrue(resumed.out().contains("resuming study resumable"), resumed.out());
        assertTrue(resumed.out().contains(finishedBefore.size() + " trials already finished are kept"), resumed.out());
        assertTrue(resumed.out().contains("1 left running by a stopped process are queued again"), resumed.out());

        Map<Integer, TrialRow> after = trials(db);
        for (TrialRow t : finishedBefore) {
            TrialRow now = after.get(t.number());
            assertEquals(t.finishedAt(), now.finishedAt(), "trial " + t.number() + " was not trained again");
            assertEquals(t.outcome().objectives(), now.outcome().objectives());
            assertEquals(1, now.attempts());
        }
        TrialRow rerun = after.get(runningBefore.get(0).number());
        assertEquals(TrialStatus.COMPLETE, rerun.outcome().status());
        assertEquals(2, rerun.attempts(), "the interrupted trial ran again, once");
        assertTrue(after.values().stream().allMatch(t -> t.outcome().status().finished()));
        assertTrue(
                after.values().stream().filter(t -> t != rerun).allMatch(t -> t.attempts() == 1),
                "every other trial trained exactly once");
        assertEquals(
                after.size(),
                after.values().stream().map(TrialRow::architecture).distinct().count());

        try (SqliteTrialStore store = SqliteTrialStore.open(db)) {
            StudyRecord study = store.findStudy("resumable").orElseThrow();
            assertEquals(StudyState.STOPPED, study.state());
            assertEquals("ran its 2 generations", study.stopReason());
            assertEquals(2, store.hypervolumes(study.id()).size());
        }
        // The study's footprint: every stored trial plus both sessions' overhead, the killed one's included.
        List<double[]> both = sessions(db);
        assertEquals(2, both.size());
        double expected = after.values().stream()
                        .mapToDouble(r -> r.outcome().totalJoules())
                        .sum()
                + both.get(0)[1]
                + both.get(1)[1];
        assertEquals(killedSession[1], both.get(0)[1], 1e-9, "the killed session's overhead is kept");
        var summary = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(runs.resolve("resumable").resolve("summary.json").toFile());
        assertEquals(expected, summary.get("study_joules").asDouble(), 1e-9 * expected);
        CliRun list = CliRun.of("studies", "--output", runs.toString());
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("resumable") && list.out().contains("stopped"), list.out());
        assertTrue(
                list.out().contains(String.format(java.util.Locale.ROOT, " %.1f ", expected)),
                expected + " J in\n" + list.out());
    }

    /** Waits until at least one trial has finished and another has been training for a moment. */
    private static void waitForATrialMidTraining(Path db, Process search) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            assertTrue(search.isAlive(), "the search ended before it could be killed; see first.out");
            if (Files.exists(db)) {
                Map<Integer, TrialRow> t = trials(db);
                boolean finished =
                        t.values().stream().anyMatch(x -> x.outcome().status().finished());
                Optional<TrialRow> running = t.values().stream()
                        .filter(x -> x.outcome().status() == TrialStatus.RUNNING)
                        .findFirst();
                if (finished
                        && running.isPresent()
                        && running.get().startedAt().isBefore(Instant.now().minusMillis(300))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no trial was seen training within five minutes");
    }

    /** Each session's worker_joules, overhead_joules and main_joules as stored, in order. */
    private static List<double[]> sessions(Path db) throws Exception {
        List<double[]> out = new java.util.ArrayList<>();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                var s = c.createStatement();
                var r = s.executeQuery(
                        "SELECT worker_joules, overhead_joules, main_joules FROM sessions ORDER BY id")) {
            while (r.next()) {
                out.add(new double[] {r.getDouble(1), r.getDouble(2), r.getDouble(3)});
            }
        }
        return out;
    }

    private static Map<Integer, TrialRow> trials(Path db) {
        try (SqliteTrialStore store = SqliteTrialStore.open(db)) {
            return store.findStudy("resumable")
                    .map(s -> store.trials(s.id()).stream()
                            .collect(Collectors.toMap(TrialRow::number, Function.identity())))
                    .orElse(Map.of());
        }
    }
}
