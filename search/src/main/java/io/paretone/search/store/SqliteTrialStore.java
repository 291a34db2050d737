package io.paretone.search.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.paretone.search.trial.Provenance;
import io.paretone.search.trial.SearchJson;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The trial store in one SQLite file. Write-ahead logging lets readers and one writer work at
 * once; every write is an IMMEDIATE transaction (the write lock is taken up front, so two
 * processes never deadlock upgrading a read), and a busy database is waited for up to
 * {@value #BUSY_TIMEOUT_MS} ms before an error. {@code synchronous=FULL} makes each committed
 * trial durable before the call returns, so a {@code kill -9} right after loses nothing.
 *
 * <p>One connection per store object; its methods are synchronized, so threads of one process
 * may share it. Several processes each open their own.
 */
public final class SqliteTrialStore implements TrialStore {
    static final int BUSY_TIMEOUT_MS = 60_000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final Path file;
    private final Connection connection;

    private SqliteTrialStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (or creates) the store at {@code file} and brings its schema up to date.
     *
     * @throws InvalidValueException if the file cannot be created or is not a paretone store
     */
    public static SqliteTrialStore open(Path file) {
        return open(file, SchemaMigrations.STEPS);
    }

    static SqliteTrialStore open(Path file, List<SchemaMigrations.Step> steps) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new InvalidValueException(
                    "storage",
                    file,
                    "cannot create its folder (" + e.getMessage() + "); choose a writable path with --storage");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
            }
            SchemaMigrations.migrate(c, steps, file.toString());
            return new SqliteTrialStore(file, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new InvalidValueException(
                    "storage",
                    file,
                    "cannot be opened as a trial store (" + e.getMessage() + "); choose another file with --storage");
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized StudyRecord openStudy(NewStudy s) {
        return write(() -> {
            Optional<StudyRecord> existing = selectStudy(s.name());
            if (existing.isPresent()) {
                return existing.get();
            }
            String now = Instant.now().toString();
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO studies (name, algorithm, family, seed, objectives_json, bounds_json, settings_json,"
                            + " launch_json, state, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,'RUNNING',?,?)")) {
                p.setString(1, s.name());
                p.setString(2, s.algorithm());
                p.setString(3, s.family());
                p.setLong(4, s.seed());
                p.setString(5, SearchJson.write(s.objectives()));
                p.setString(6, s.boundsJson());
                p.setString(7, s.settingsJson());
                p.setString(8, s.launchJson());
                p.setString(9, now);
                p.setString(10, now);
                p.executeUpdate();
            }
            return selectStudy(s.name()).orElseThrow();
        });
    }

    @Override
    public synchronized Optional<StudyRecord> findStudy(String name) {
        return read(() -> selectStudy(name));
    }

    private Optional<StudyRecord> selectStudy(String name) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT * FROM studies WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                NewStudy definition = new NewStudy(
                        r.getString("name"),
                        r.getString("algorithm"),
                        r.getString("family"),
                        r.getLong("seed"),
                        readStrings(r.getString("objectives_json")),
                        r.getString("bounds_json"),
                        r.getString("settings_json"),
                        r.getString("launch_json"));
                return Optional.of(new StudyRecord(
                        r.getLong("id"),
                        definition,
                        StudyState.valueOf(r.getString("state")),
                        r.getString("stop_reason"),
                        Instant.parse(r.getString("created_at"))));
            }
        }
    }

    @Override
    public synchronized List<StudyOverview> studies() {
        return read(() -> {
            List<StudyOverview> out = new ArrayList<>();
            String sql = """
                    SELECT s.*,
                      (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id AND t.status = 'QUEUED') AS queued,
                      (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id AND t.status = 'RUNNING') AS running,
                      (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id AND t.status = 'COMPLETE') AS complete,
                      (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id AND t.status = 'FAILED') AS failed,
                      (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id AND t.status = 'PRUNED') AS pruned,
                      (SELECT COUNT(*) FROM hypervolumes h WHERE h.study_id = s.id) AS generations,
                      (SELECT h.hypervolume FROM hypervolumes h WHERE h.study_id = s.id
                         ORDER BY h.generation DESC LIMIT 1) AS hv,
                      (SELECT COALESCE(SUM(t.total_joules), 0) FROM trials t WHERE t.study_id = s.id) AS trial_joules,
                      (SELECT COALESCE(SUM(e.overhead_joules), 0) FROM sessions e
                         WHERE e.study_id = s.id) AS overhead_joules,
                      (SELECT COALESCE(SUM(e.wall_seconds), 0) FROM sessions e WHERE e.study_id = s.id) AS wall,
                      (SELECT e.owner FROM sessions e WHERE e.study_id = s.id ORDER BY e.id DESC LIMIT 1) AS last_owner
                    FROM studies s ORDER BY s.id""";
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    double hv = r.getDouble("hv");
                    if (r.wasNull()) {
                        hv = Double.NaN;
                    }
                    out.add(new StudyOverview(
                            r.getString("name"),
                            r.getString("algorithm"),
                            r.getString("family"),
                            StudyState.valueOf(r.getString("state")),
                            r.getString("stop_reason"),
                            r.getInt("queued"),
                            r.getInt("running"),
                            r.getInt("complete"),
                            r.getInt("failed"),
                            r.getInt("pruned"),
                            r.getInt("generations"),
                            hv,
                            r.getDouble("trial_joules"),
                            r.getDouble("trial_joules") + r.getDouble("overhead_joules"),
                            r.getDouble("wall"),
                            Instant.parse(r.getString("created_at")),
                            Instant.parse(r.getString("updated_at")),
                            r.getString("last_owner"),
                            r.getString("settings_json")));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void setState(long studyId, StudyState state, String reason) {
        write(() -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE studies SET state = ?, stop_reason = ?, updated_at = ? WHERE id = ?")) {
                p.setString(1, state.name());
                p.setString(2, reason);
                p.setString(3, Instant.now().toString());
                p.setLong(4, studyId);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized List<TrialRow> ask(long studyId, List<TrialRequest> requests) {
        return write(() -> {
            List<Long> ids = new ArrayList<>();
            for (TrialRequest q : requests) {
                Long id = trialId(studyId, q.architecture());
                if (id == null) {
                    int number;
                    try (PreparedStatement p = connection.prepareStatement(
                            "SELECT COALESCE(MAX(number), 0) + 1 FROM trials WHERE study_id = ?")) {
                        p.setLong(1, studyId);
                        try (ResultSet r = p.executeQuery()) {
                            r.next();
                            number = r.getInt(1);
                        }
                    }
                    try (PreparedStatement p = connection.prepareStatement(
                            "INSERT INTO trials (study_id, number, generation, architecture, family, genome, description,"
                                    + " seed, status, queued_at) VALUES (?,?,?,?,?,?,?,?,'QUEUED',?)")) {
                        p.setLong(1, studyId);
                        p.setInt(2, number);
                        p.setInt(3, q.generation());
                        p.setString(4, q.architecture());
                        p.setString(5, q.family());
                        p.setString(6, q.genome());
                        p.setString(7, q.description());
                        p.setLong(8, q.seed());
                        p.setString(9, Instant.now().toString());
                        p.executeUpdate();
                    }
                    id = trialId(studyId, q.architecture());
                }
                ids.add(id);
            }
            touch(studyId);
            List<TrialRow> out = new ArrayList<>();
            for (long id : ids) {
                out.add(selectTrial(id).orElseThrow());
            }
            return out;
        });
    }

    private Long trialId(long studyId, String architecture) throws SQLException {
        try (PreparedStatement p =
                connection.prepareStatement("SELECT id FROM trials WHERE study_id = ? AND architecture = ?")) {
            p.setLong(1, studyId);
            p.setString(2, architecture);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    @Override
    public synchronized boolean claim(long trialId, Claim claim) {
        return write(() -> {
            String now = Instant.now().toString();
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE trials SET status = 'RUNNING', owner = ?, worker = ?, device = ?, started_at = ?,"
                            + " heartbeat_at = ?, attempts = attempts + 1 WHERE id = ? AND status = 'QUEUED'")) {
                p.setString(1, claim.owner());
                p.setString(2, claim.worker());
                p.setString(3, claim.device());
                p.setString(4, now);
                p.setString(5, now);
                p.setLong(6, trialId);
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public synchronized boolean finish(long trialId, String owner, TrialOutcome result) {
        if (!result.status().finished()) {
            throw new IllegalArgumentException("not a final state: " + result.status());
        }
        return write(() -> {
            TrialMetrics m = result.metrics();
            Trial.Pruning pruning = result.pruning();
            int updated;
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE trials SET status = ?, reason = ?, finished_at = ?, energy_joules = ?, energy_meter = ?,"
                            + " kg_co2e = ?, total_joules = ?, metrics_json = ?, provenance_json = ?,"
                            + " pruned_at_step = ?, planned_steps = ?, joules_saved = ?, device = COALESCE(?, device)"
                            + " WHERE id = ? AND status = 'RUNNING' AND owner = ?")) {
                p.setString(1, result.status().name());
                p.setString(2, result.reason());
                p.setString(3, Instant.now().toString());
                setDouble(p, 4, m == null ? null : m.trainingJoules());
                p.setString(5, m == null ? null : m.energyMeter());
                setDouble(p, 6, m == null ? null : m.trainingKgCo2e());
                p.setDouble(7, result.totalJoules());
                p.setString(8, m == null ? null : SearchJson.write(m));
                p.setString(9, result.provenance() == null ? null : SearchJson.write(result.provenance()));
                setInt(p, 10, pruning == null ? null : pruning.step());
                setInt(p, 11, pruning == null ? null : pruning.plannedSteps());
                setDouble(p, 12, pruning == null ? null : pruning.joulesSaved());
                p.setString(
                        13,
                        result.provenance() == null ? null : result.provenance().device());
                p.setLong(14, trialId);
                p.setString(15, owner);
                updated = p.executeUpdate();
            }
            if (updated != 1) {
                return false;
            }
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT OR REPLACE INTO trial_values (trial_id, objective, value, partial) VALUES (?,?,?,?)")) {
                for (Map.Entry<String, Double> e : result.objectives().entrySet()) {
                    p.setLong(1, trialId);
                    p.setString(2, e.getKey());
                    p.setDouble(3, e.getValue());
                    p.setInt(4, result.status() == TrialStatus.COMPLETE ? 0 : 1);
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE studies SET updated_at = ? WHERE id = (SELECT study_id FROM trials WHERE id = ?)")) {
                p.setString(1, Instant.now().toString());
                p.setLong(2, trialId);
                p.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public synchronized void heartbeat(String owner) {
        write(() -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE trials SET heartbeat_at = ? WHERE owner = ? AND status = 'RUNNING'")) {
                p.setString(1, Instant.now().toString());
                p.setString(2, owner);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized int requeueAbandoned(long studyId, OwnerLiveness liveness) {
        return write(() -> {
            Instant now = Instant.now();
            List<Long> abandoned = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT id, owner, heartbeat_at FROM trials WHERE study_id = ? AND status = 'RUNNING'")) {
                p.setLong(1, studyId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String hb = r.getString("heartbeat_at");
                        if (!liveness.isAlive(r.getString("owner"), hb == null ? null : Instant.parse(hb), now)) {
                            abandoned.add(r.getLong("id"));
                        }
                    }
                }
            }
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE trials SET status = 'QUEUED', owner = NULL, worker = NULL, started_at = NULL,"
                            + " heartbeat_at = NULL WHERE id = ? AND status = 'RUNNING'")) {
                for (long id : abandoned) {
                    p.setLong(1, id);
                    p.addBatch();
                }
                p.executeBatch();
            }
            return abandoned.size();
        });
    }

    @Override
    public synchronized List<TrialRow> trials(long studyId) {
        return read(() -> {
            Map<Long, Map<String, Double>> values = new HashMap<>();
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT v.trial_id, v.objective, v.value FROM trial_values v JOIN trials t ON t.id = v.trial_id"
                            + " WHERE t.study_id = ? ORDER BY v.rowid")) {
                p.setLong(1, studyId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        values.computeIfAbsent(r.getLong(1), k -> new LinkedHashMap<>())
                                .put(r.getString(2), r.getDouble(3));
                    }
                }
            }
            List<TrialRow> out = new ArrayList<>();
            try (PreparedStatement p =
                    connection.prepareStatement("SELECT * FROM trials WHERE study_id = ? ORDER BY number")) {
                p.setLong(1, studyId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(trialRow(r, values.getOrDefault(r.getLong("id"), Map.of())));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public synchronized Optional<TrialRow> trial(long trialId) {
        return read(() -> selectTrial(trialId));
    }

    private Optional<TrialRow> selectTrial(long trialId) throws SQLException {
        Map<String, Double> values = new LinkedHashMap<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT objective, value FROM trial_values WHERE trial_id = ? ORDER BY rowid")) {
            p.setLong(1, trialId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    values.put(r.getString(1), r.getDouble(2));
                }
            }
        }
        try (PreparedStatement p = connection.prepareStatement("SELECT * FROM trials WHERE id = ?")) {
            p.setLong(1, trialId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(trialRow(r, values)) : Optional.empty();
            }
        }
    }

    private static TrialRow trialRow(ResultSet r, Map<String, Double> values) throws SQLException {
        int prunedAt = r.getInt("pruned_at_step");
        Trial.Pruning pruning = r.wasNull()
                ? null
                : new Trial.Pruning(prunedAt, r.getInt("planned_steps"), r.getDouble("joules_saved"));
        return new TrialRow(
                r.getLong("id"),
                r.getInt("number"),
                r.getInt("generation"),
                r.getString("architecture"),
                r.getString("family"),
                r.getString("genome"),
                r.getString("description"),
                r.getLong("seed"),
                r.getString("owner"),
                r.getString("worker"),
                r.getString("device"),
                r.getInt("attempts"),
                instant(r, "queued_at"),
                instant(r, "started_at"),
                instant(r, "finished_at"),
                new TrialOutcome(
                        TrialStatus.valueOf(r.getString("status")),
                        r.getString("reason"),
                        values,
                        SearchJson.read(r.getString("metrics_json"), TrialMetrics.class),
                        SearchJson.read(r.getString("provenance_json"), Provenance.class),
                        pruning,
                        r.getDouble("total_joules")));
    }

    @Override
    public synchronized void recordPopulation(long studyId, int generation, String role, List<Integer> trialNumbers) {
        write(() -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "DELETE FROM populations WHERE study_id = ? AND generation = ? AND role = ?")) {
                p.setLong(1, studyId);
                p.setInt(2, generation);
                p.setString(3, role);
                p.executeUpdate();
            }
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO populations (study_id, generation, role, position, trial_number) VALUES (?,?,?,?,?)")) {
                for (int i = 0; i < trialNumbers.size(); i++) {
                    p.setLong(1, studyId);
                    p.setInt(2, generation);
                    p.setString(3, role);
                    p.setInt(4, i);
                    p.setInt(5, trialNumbers.get(i));
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    @Override
    public synchronized List<Integer> population(long studyId, int generation, String role) {
        return read(() -> {
            List<Integer> out = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT trial_number FROM populations WHERE study_id = ? AND generation = ? AND role = ?"
                            + " ORDER BY position")) {
                p.setLong(1, studyId);
                p.setInt(2, generation);
                p.setString(3, role);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getInt(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void recordHypervolume(long studyId, HypervolumePoint h) {
        write(() -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT OR REPLACE INTO hypervolumes (study_id, generation, trials, kg_co2e, hypervolume, front_size,"
                            + " recorded_at) VALUES (?,?,?,?,?,?,?)")) {
                p.setLong(1, studyId);
                p.setInt(2, h.generation());
                p.setInt(3, h.trials());
                p.setDouble(4, h.kgCo2e());
                p.setDouble(5, h.hypervolume());
                p.setInt(6, h.frontSize());
                p.setString(7, Instant.now().toString());
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized List<HypervolumePoint> hypervolumes(long studyId) {
        return read(() -> {
            List<HypervolumePoint> out = new ArrayList<>();
            try (PreparedStatement p =
                    connection.prepareStatement("SELECT * FROM hypervolumes WHERE study_id = ? ORDER BY generation")) {
                p.setLong(1, studyId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new HypervolumePoint(
                                r.getInt("generation"),
                                r.getInt("trials"),
                                r.getDouble("kg_co2e"),
                                r.getDouble("hypervolume"),
                                r.getInt("front_size")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public synchronized long startSession(long studyId, String owner, int workers) {
        return write(() -> {
            String now = Instant.now().toString();
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO sessions (study_id, owner, workers, started_at, updated_at) VALUES (?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                p.setLong(1, studyId);
                p.setString(2, owner);
                p.setInt(3, workers);
                p.setString(4, now);
                p.setString(5, now);
                p.executeUpdate();
                try (ResultSet r = p.getGeneratedKeys()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    @Override
    public synchronized void updateSession(long sessionId, SessionFootprint f) {
        write(() -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE sessions SET updated_at = ?, wall_seconds = ?, main_cpu_seconds = ?, main_joules = ?,"
                            + " worker_joules = ?, overhead_joules = ?, stop_reason = ? WHERE id = ?")) {
                p.setString(1, Instant.now().toString());
                p.setDouble(2, f.wallSeconds());
                p.setDouble(3, f.mainCpuSeconds());
                p.setDouble(4, f.mainJoules());
                p.setDouble(5, f.workerJoules());
                p.setDouble(6, f.overheadJoules());
                p.setString(7, f.stopReason());
                p.setLong(8, sessionId);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized SessionFootprint previousSessions(long studyId, long exceptSession) {
        return read(() -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT COALESCE(SUM(wall_seconds), 0), COALESCE(SUM(main_cpu_seconds), 0),"
                            + " COALESCE(SUM(main_joules), 0), COALESCE(SUM(worker_joules), 0), COALESCE(SUM(overhead_joules), 0)"
                            + " FROM sessions WHERE study_id = ? AND id <> ?")) {
                p.setLong(1, studyId);
                p.setLong(2, exceptSession);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return new SessionFootprint(
                            r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5), null);
                }
            }
        });
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private void touch(long studyId) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("UPDATE studies SET updated_at = ? WHERE id = ?")) {
            p.setString(1, Instant.now().toString());
            p.setLong(2, studyId);
            p.executeUpdate();
        }
    }

    /** A unit of SQL work. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one IMMEDIATE transaction, committed or rolled back as a whole. */
    private <T> T write(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("trial store " + file + ": " + e.getMessage(), e));
        }
    }

    private <T> T read(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("trial store " + file + ": " + e.getMessage(), e));
        }
    }

    private static List<String> readStrings(String json) {
        try {
            return SearchJson.MAPPER.readValue(json, STRINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        String s = r.getString(column);
        return s == null ? null : Instant.parse(s);
    }

    private static void setDouble(PreparedStatement p, int index, Double value) throws SQLException {
        if (value == null || !Double.isFinite(value)) {
            p.setNull(index, Types.REAL);
        } else {
            p.setDouble(index, value);
        }
    }

    private static void setInt(PreparedStatement p, int index, Integer value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.INTEGER);
        } else {
            p.setInt(index, value);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing after a failure; the failure is what gets reported
            }
        }
    }
}
