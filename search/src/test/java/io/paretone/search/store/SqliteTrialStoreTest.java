package io.paretone.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paretone.evaluators.quality.QualityScore;
import io.paretone.evaluators.quality.QualityTerm;
import io.paretone.search.trial.Provenance;
import io.paretone.search.trial.SearchJson;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTrialStoreTest {
    static final io.paretone.spaces.genome.SearchSpace SPACE =
            io.paretone.spaces.families.ModelFamilies.space(List.of("wavenet"));
    static final String GENOME = io.paretone.spaces.families.ModelFamilies.smallestPerFamily(SPACE)
            .get(0)
            .toString();

    @TempDir
    Path dir;

    static NewStudy study(String name) {
        return new NewStudy(name, "nsga2", "wavenet", 42, List.of("co2e", "parameters"), "{}", "{\"seed\":42}", null);
    }

    static TrialRequest request(String architecture, int generation) {
        return new TrialRequest(architecture, "wavenet", GENOME, architecture, generation, 7);
    }

    static TrialMetrics metrics(double joules) {
        QualityScore quality = new QualityScore(
                0.5,
                0.5,
                0.5,
                0.01,
                List.of(new QualityTerm("embedding_frechet", 1.5, 1.0, 0.1, 2.0, 0.5, 0.5, true)),
                16,
                0,
                3.0,
                2.0);
        return new TrialMetrics(
                1000,
                2000,
                0.5,
                quality,
                joules,
                joules / 3.6e6 * 0.437,
                0,
                1,
                0.1,
                3,
                40,
                5.5,
                4.5,
                "cpu-time",
                true,
                "test",
                4000,
                300,
                96000,
                16000,
                0.5,
                20,
                2.5,
                2.5 / 3.6e6 * 0.437,
                "a test CPU",
                List.of());
    }

    static TrialOutcome complete(double co2e, double parameters) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("co2e", co2e);
        values.put("parameters", parameters);
        return new TrialOutcome(
                TrialStatus.COMPLETE,
                null,
                values,
                metrics(10),
                new Provenance(7, "cpu()", "sines", "abc", "dev", "0.36.0", "17", "Linux", "node-1"),
                null,
                12.5);
    }

    @Test
    void anArchitectureIsAskedOnceAndNumberedInOrder() {
        try (SqliteTrialStore store = SqliteTrialStore.open(dir.resolve("s.db"))) {
            long id = store.openStudy(study("a")).id();
            List<TrialRow> first = store.ask(id, List.of(request("x", 0), request("y", 0), request("x", 0)));
            assertEquals(List.of(1, 2, 1), first.stream().map(TrialRow::number).toList());
            List<TrialRow> again = store.ask(id, List.of(request("z", 1), request("y", 1)));
            assertEquals(List.of(3, 2), again.stream().map(TrialRow::number).toList());
            assertEquals(0, again.get(1).generation(), "the first generation to propose it stays");
            assertEquals(3, store.trials(id).size());
            assertTrue(store.trials(id).stream().allMatch(t -> t.outcome().status() == TrialStatus.QUEUED));
        }
    }

    @Test
    void onlyTheClaimingOwnerCanFinishATrial() {
        try (SqliteTrialStore store = SqliteTrialStore.open(dir.resolve("s.db"))) {
            long id = store.openStudy(study("a")).id();
            TrialRow t = store.ask(id, List.of(request("x", 0))).get(0);
            assertTrue(store.claim(t.id(), new Claim("me", "w1", "cpu()")));
            assertFalse(store.claim(t.id(), new Claim("other", "w9", "cpu()")), "already running");
            assertFalse(store.finish(t.id(), "other", complete(1e-6, 1000)), "not the owner");
            assertTrue(store.finish(t.id(), "me", complete(1e-6, 1000)));
            assertFalse(store.finish(t.id(), "me", complete(2e-6, 1000)), "already final");

            TrialRow done = store.trial(t.id()).orElseThrow();
            assertEquals(TrialStatus.COMPLETE, done.outcome().status());
            assertEquals(1e-6, done.outcome().objectives().get("co2e"));
            assertEquals(1000.0, done.outcome().objectives().get("parameters"));
            assertEquals(metrics(10), done.outcome().metrics(), "metrics come back as they went in");
            assertEquals("cpu()", done.outcome().provenance().device());
            assertEquals(12.5, done.outcome().totalJoules());
            assertEquals(1, done.attempts());
            assertEquals("w1", done.worker());
        }
    }

    @Test
    void prunedTrialKeepsItsPartialValuesAndSaving() {
        try (SqliteTrialStore store = SqliteTrialStore.open(dir.resolve("s.db"))) {
            long id = store.openStudy(study("a")).id();
            TrialRow t = store.ask(id, List.of(request("x", 0))).get(0);
            store.claim(t.id(), new Claim("me", "w1", "cpu()"));
            store.finish(
                    t.id(),
                    "me",
                    new TrialOutcome(
                            TrialStatus.PRUNED,
                            "dominated",
                            Map.of("co2e", 3e-7),
                            metrics(4),
                            null,
                            new Trial.Pruning(20, 80, 12.0),
                            5));
            TrialRow p = store.trial(t.id()).orElseThrow();
            assertEquals(TrialStatus.PRUNED, p.outcome().status());
            assertEquals("dominated", p.outcome().reason());
            assertEquals(new Trial.Pruning(20, 80, 12.0), p.outcome().pruning());
            assertEquals(3e-7, p.outcome().objectives().get("co2e"));
            Trial trial = p.toTrial(SPACE);
            double[] values = trial.outcome().values(List.of("co2e", "parameters"));
            assertEquals(3e-7, values[0]);
            assertTrue(Double.isNaN(values[1]), "not measured at the checkpoint: unknown");
            assertEquals(GENOME, trial.genome().toString());
        }
    }

    @Test
    void runningTrialsOfADeadProcessAreQueuedAgain() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Instant started = gone.info().startInstant().orElse(Instant.now());
        String host = OwnerLiveness.newSession().split("/")[0];
        String deadOwner = host + "/" + gone.pid() + "/" + started.toEpochMilli() + "/1";
        String liveOwner = OwnerLiveness.newSession();
        try (SqliteTrialStore store = SqliteTrialStore.open(dir.resolve("s.db"))) {
            long id = store.openStudy(study("a")).id();
            List<TrialRow> ts = store.ask(id, List.of(request("x", 0), request("y", 0)));
            store.claim(ts.get(0).id(), new Claim(deadOwner, "w1", "cpu()"));
            store.claim(ts.get(1).id(), new Claim(liveOwner, "w2", "cpu()"));
            int requeued = store.requeueAbandoned(id, new OwnerLiveness(Duration.ofMinutes(10)));
            assertEquals(1, requeued);
            assertEquals(
                    TrialStatus.QUEUED,
                    store.trial(ts.get(0).id()).orElseThrow().outcome().status());
            assertNull(store.trial(ts.get(0).id()).orElseThrow().owner());
            assertEquals(
                    TrialStatus.RUNNING,
                    store.trial(ts.get(1).id()).orElseThrow().outcome().status());
            assertFalse(
                    store.finish(ts.get(0).id(), deadOwner, complete(1, 1)), "the dead owner's late result is refused");

            OwnerLiveness.release(liveOwner);
            assertEquals(
                    1,
                    store.requeueAbandoned(id, new OwnerLiveness(Duration.ofMinutes(10))),
                    "a released session of this process counts as gone");
        }
    }

    @Test
    void studiesListCountsTrialsByStateAndSumsTheFootprint() {
        try (SqliteTrialStore store = SqliteTrialStore.open(dir.resolve("s.db"))) {
            long id = store.openStudy(study("a")).id();
            store.openStudy(study("b"));
            List<TrialRow> ts = store.ask(id, List.of(request("x", 0), request("y", 0), request("z", 0)));
            store.claim(ts.get(0).id(), new Claim("me", "w1", "cpu()"));
            store.finish(ts.get(0).id(), "me", complete(1e-6, 10));
            store.claim(ts.get(1).id(), new Claim("me", "w1", "cpu()"));
            store.finish(
                    ts.get(1).id(), "me", new TrialOutcome(TrialStatus.FAILED, "NaN", Map.of(), null, null, null, 2.5));
            store.recordHypervolume(id, new HypervolumePoint(0, 2, 1e-6, 0.25, 1));
            store.recordHypervolume(id, new HypervolumePoint(1, 2, 2e-6, 0.5, 1));
            store.recordHypervolume(id, new HypervolumePoint(1, 3, 3e-6, 0.75, 2)); // a replay replaces
            long s1 = store.startSession(id, "me", 1);
            store.updateSession(s1, new SessionFootprint(10, 1, 10, 90, 6, null));
            long s2 = store.startSession(id, "me", 1);
            store.updateSession(s2, new SessionFootprint(5, 1, 10, 40, 1.5, "done"));

            List<StudyOverview> all = store.studies();
            assertEquals(
                    List.of("a", "b"), all.stream().map(StudyOverview::name).toList());
            StudyOverview a = all.get(0);
            assertEquals(1, a.complete());
            assertEquals(1, a.failed());
            assertEquals(1, a.queued());
            assertEquals(2, a.generations());
            assertEquals(0.75, a.hypervolume());
            assertEquals(12.5 + 2.5, a.trialJoules(), 1e-9);
            // The trials' energy plus each session's overhead; the sessions' totals would count the trials twice.
            assertEquals(12.5 + 2.5 + 6 + 1.5, a.footprintJoules(), 1e-9);
            assertEquals(15, a.wallSeconds(), 1e-9);
            assertEquals(new SessionFootprint(10, 1, 10, 90, 6, null), store.previousSessions(id, s2));
            assertTrue(Double.isNaN(all.get(1).hypervolume()));
        }
    }

    @Test
    void populationsAreRecordedPerGenerationAndRole() {
        try (SqliteTrialStore store = SqliteTrialStore.open(dir.resolve("s.db"))) {
            long id = store.openStudy(study("a")).id();
            store.recordPopulation(id, 0, "evaluated", List.of(1, 2, 1, 3));
            store.recordPopulation(id, 0, "survivors", List.of(3, 1));
            store.recordPopulation(id, 0, "evaluated", List.of(1, 2, 2, 3));
            assertEquals(List.of(1, 2, 2, 3), store.population(id, 0, "evaluated"));
            assertEquals(List.of(3, 1), store.population(id, 0, "survivors"));
            assertEquals(List.of(), store.population(id, 1, "evaluated"));
        }
    }

    @Test
    void reopeningTheFileKeepsEverythingAndUsesWriteAheadLogging() throws Exception {
        Path file = dir.resolve("s.db");
        try (SqliteTrialStore store = SqliteTrialStore.open(file)) {
            long id = store.openStudy(study("a")).id();
            TrialRow t = store.ask(id, List.of(request("x", 0))).get(0);
            store.claim(t.id(), new Claim("me", "w1", "cpu()"));
            store.finish(t.id(), "me", complete(1e-6, 10));
        }
        try (SqliteTrialStore store = SqliteTrialStore.open(file)) {
            StudyRecord a = store.openStudy(study("a"));
            assertEquals(List.of("co2e", "parameters"), a.definition().objectives());
            assertEquals(
                    TrialStatus.COMPLETE, store.trials(a.id()).get(0).outcome().status());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
            r.next();
            assertEquals("wal", r.getString(1));
        }
    }

    @Test
    void aStoreFromANewerParetoneIsRefused() throws Exception {
        Path file = dir.resolve("s.db");
        SqliteTrialStore.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = 99");
        }
        var e = assertThrows(IllegalStateException.class, () -> SqliteTrialStore.open(file));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
    }

    @Test
    void aMigrationStepUpgradesAnOlderStoreAndKeepsItsTrials() throws Exception {
        Path file = dir.resolve("s.db");
        try (SqliteTrialStore store = SqliteTrialStore.open(file)) {
            long id = store.openStudy(study("a")).id();
            store.ask(id, List.of(request("x", 0)));
        }
        int version = SchemaMigrations.latest(SchemaMigrations.STEPS) + 1;
        var next = new SchemaMigrations.Step(
                version, "a note per trial", List.of("ALTER TABLE trials ADD COLUMN note TEXT"));
        List<SchemaMigrations.Step> steps = new java.util.ArrayList<>(SchemaMigrations.STEPS);
        steps.add(next);
        try (SqliteTrialStore store = SqliteTrialStore.open(file, steps)) {
            assertEquals(
                    1, store.trials(store.findStudy("a").orElseThrow().id()).size());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                r.next();
                assertEquals(version, r.getInt(1));
            }
            try (ResultSet r = s.executeQuery("SELECT note FROM trials")) {
                assertTrue(r.next(), "the trial survived the migration");
            }
        }
    }

    @Test
    void aVersionTwoSessionGetsItsEnergyBeyondItsOwnTrialsAsOverhead() throws Exception {
        Path file = dir.resolve("s.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            SchemaMigrations.migrate(c, SchemaMigrations.STEPS.subList(0, 2), file.toString());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO studies (id, name, algorithm, family, seed, objectives_json, bounds_json, settings_json,"
                            + " state, created_at, updated_at) VALUES (1, 'old', 'nsga2', 'wavenet', 1, 'co2e', '{}', '{}',"
                            + " 'STOPPED', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
            s.executeUpdate("INSERT INTO sessions (study_id, owner, workers, started_at, updated_at, main_joules,"
                    + " worker_joules) VALUES (1, 'p1', 1, 'x', 'x', 4, 100), (1, 'p2', 1, 'x', 'x', 2, 50)");
            for (String[] t : new String[][] {{"1", "p1", "30"}, {"2", "p1", "45"}, {"3", "p2", "20"}}) {
                s.executeUpdate(
                        "INSERT INTO trials (study_id, number, architecture, family, genome, description, generation,"
                                + " seed, status, owner, total_joules, queued_at) VALUES (1, " + t[0] + ", 'a" + t[0]
                                + "', 'wavenet', 'g', 'd', 0, 1, 'COMPLETE', '" + t[1] + "', " + t[2] + ", 'x')");
            }
        }
        try (SqliteTrialStore store = SqliteTrialStore.open(file)) {
            // p1: 4 + 100 - (30 + 45) = 29; p2: 2 + 50 - 20 = 32
            assertEquals(29 + 32, store.previousSessions(1, -1).overheadJoules(), 1e-9);
            assertEquals(30 + 45 + 20 + 29 + 32, store.studies().get(0).footprintJoules(), 1e-9);
        }
    }

    @Test
    void aVersionOneStoreBecomesAnAudioStudyWithPerUnitFigures() throws Exception {
        Path file = dir.resolve("s.db");
        try (SqliteTrialStore store = SqliteTrialStore.open(file, SchemaMigrations.STEPS.subList(0, 1))) {
            store.openStudy(new NewStudy(
                    "old", "nsga2", "wavenet", 42, List.of("co2e"), "{}", "{\"seed\":42,\"sample_rate\":16000}", null));
            store.ask(store.findStudy("old").orElseThrow().id(), List.of(request("x", 0)));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE trials SET metrics_json = '{\"generation_joules_per_second\":2.5,"
                    + "\"real_time_factor\":0.5,\"training_inference_ratio_seconds\":20,"
                    + "\"generation_samples_per_second\":16000,\"generation_flops_per_second\":2000}'");
        }
        try (SqliteTrialStore store = SqliteTrialStore.open(file)) {
            var settings = SearchJson.read(
                    store.findStudy("old").orElseThrow().definition().settingsJson(), JsonNode.class);
            assertEquals("audio", settings.get("domain").asText());
            assertEquals(16000, settings.get("values_per_unit").asInt());
            assertEquals("16000", settings.get("data_layout").asText());
            assertFalse(settings.has("sample_rate"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT metrics_json FROM trials")) {
            r.next();
            var m = SearchJson.read(r.getString(1), JsonNode.class);
            assertEquals(2.5, m.get("generation_joules_per_unit").asDouble());
            assertEquals(0.5, m.get("seconds_per_unit").asDouble());
            assertEquals(20, m.get("training_inference_ratio_units").asDouble());
            assertEquals(16000, m.get("generation_values_per_second").asDouble());
            assertEquals(2000, m.get("generation_flops_per_unit").asDouble());
            assertFalse(m.has("real_time_factor"));
        }
    }
}
