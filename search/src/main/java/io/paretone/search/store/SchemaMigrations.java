package io.paretone.search.store;

import io.paretone.spaces.Domain;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema, as an ordered list of steps. The database's {@code PRAGMA user_version} is
 * the last step applied; opening a store applies the missing steps in one transaction, and refuses
 * a database written by a newer paretone rather than misreading it. A change to the schema is a
 * new step appended here, never an edit of an old one.
 */
final class SchemaMigrations {
    /** The one domain of studies stored before there was a choice. */
    private static final Domain VERSION_1_DOMAIN = Domain.byId(null);

    /** One schema version: the statements that lead to it from the one before. */
    record Step(int version, String description, List<String> statements) {}

    static final List<Step> STEPS = List.of(
            new Step(
                    1,
                    "studies, trials, objective values, populations, hypervolumes, sessions",
                    List.of("""
                    CREATE TABLE studies (
                      id INTEGER PRIMARY KEY,
                      name TEXT NOT NULL UNIQUE,
                      algorithm TEXT NOT NULL,
                      family TEXT NOT NULL,
                      seed INTEGER NOT NULL,
                      objectives_json TEXT NOT NULL,
                      bounds_json TEXT NOT NULL,
                      settings_json TEXT NOT NULL,
                      launch_json TEXT,
                      state TEXT NOT NULL,
                      stop_reason TEXT,
                      created_at TEXT NOT NULL,
                      updated_at TEXT NOT NULL)""", """
                    CREATE TABLE trials (
                      id INTEGER PRIMARY KEY,
                      study_id INTEGER NOT NULL REFERENCES studies(id),
                      number INTEGER NOT NULL,
                      generation INTEGER NOT NULL,
                      architecture TEXT NOT NULL,
                      family TEXT NOT NULL,
                      genome TEXT NOT NULL,
                      description TEXT NOT NULL,
                      seed INTEGER NOT NULL,
                      status TEXT NOT NULL CHECK (status IN ('QUEUED','RUNNING','COMPLETE','FAILED','PRUNED')),
                      reason TEXT,
                      owner TEXT,
                      worker TEXT,
                      device TEXT,
                      attempts INTEGER NOT NULL DEFAULT 0,
                      queued_at TEXT NOT NULL,
                      started_at TEXT,
                      finished_at TEXT,
                      heartbeat_at TEXT,
                      energy_joules REAL,
                      energy_meter TEXT,
                      kg_co2e REAL,
                      total_joules REAL NOT NULL DEFAULT 0,
                      metrics_json TEXT,
                      provenance_json TEXT,
                      pruned_at_step INTEGER,
                      planned_steps INTEGER,
                      joules_saved REAL,
                      UNIQUE (study_id, architecture),
                      UNIQUE (study_id, number))""", "CREATE INDEX trials_by_status ON trials(study_id, status)", """
                    CREATE TABLE trial_values (
                      trial_id INTEGER NOT NULL REFERENCES trials(id),
                      objective TEXT NOT NULL,
                      value REAL NOT NULL,
                      partial INTEGER NOT NULL,
                      PRIMARY KEY (trial_id, objective))""", """
                    CREATE TABLE populations (
                      study_id INTEGER NOT NULL REFERENCES studies(id),
                      generation INTEGER NOT NULL,
                      role TEXT NOT NULL,
                      position INTEGER NOT NULL,
                      trial_number INTEGER NOT NULL,
                      PRIMARY KEY (study_id, generation, role, position))""", """
                    CREATE TABLE hypervolumes (
                      study_id INTEGER NOT NULL REFERENCES studies(id),
                      generation INTEGER NOT NULL,
                      trials INTEGER NOT NULL,
                      kg_co2e REAL NOT NULL,
                      hypervolume REAL NOT NULL,
                      front_size INTEGER NOT NULL,
                      recorded_at TEXT NOT NULL,
                      PRIMARY KEY (study_id, generation))""", """
                    CREATE TABLE sessions (
                      id INTEGER PRIMARY KEY,
                      study_id INTEGER NOT NULL REFERENCES studies(id),
                      owner TEXT NOT NULL,
                      workers INTEGER NOT NULL,
                      started_at TEXT NOT NULL,
                      updated_at TEXT NOT NULL,
                      wall_seconds REAL NOT NULL DEFAULT 0,
                      main_cpu_seconds REAL NOT NULL DEFAULT 0,
                      main_joules REAL NOT NULL DEFAULT 0,
                      worker_joules REAL NOT NULL DEFAULT 0,
                      stop_reason TEXT)""")),
            // Studies of any domain: figures per generated unit of the study's domain where version 1
            // named them per second; version 1 studies were all of the domain Domain.byId(null) reads.
            new Step(
                    2,
                    "the study's domain; per-unit figures",
                    List.of(
                            "UPDATE studies SET settings_json = json_remove(json_set(settings_json,"
                                    + " '$.domain', '" + VERSION_1_DOMAIN.id() + "', '$.generated_unit', '"
                                    + VERSION_1_DOMAIN.unit() + "',"
                                    + " '$.data_layout', CAST(json_extract(settings_json, '$.sample_rate') AS TEXT),"
                                    + " '$.values_per_unit', json_extract(settings_json, '$.sample_rate')), '$.sample_rate')"
                                    + " WHERE json_type(settings_json, '$.sample_rate') IS NOT NULL",
                            """
                    UPDATE trials SET metrics_json = json_remove(json_set(metrics_json,
                      '$.generation_flops_per_unit', json_extract(metrics_json, '$.generation_flops_per_second'),
                      '$.generation_joules_per_unit', json_extract(metrics_json, '$.generation_joules_per_second'),
                      '$.generation_values_per_second', json_extract(metrics_json, '$.generation_samples_per_second'),
                      '$.seconds_per_unit', json_extract(metrics_json, '$.real_time_factor'),
                      '$.training_inference_ratio_units', json_extract(metrics_json, '$.training_inference_ratio_seconds')),
                      '$.generation_flops_per_second', '$.generation_joules_per_second', '$.generation_samples_per_second',
                      '$.real_time_factor', '$.training_inference_ratio_seconds')
                    WHERE json_type(metrics_json, '$.generation_joules_per_second') IS NOT NULL""")),
            // A session's overhead (what it spent outside trials) stored as it goes, so that a killed
            // session still counts; earlier sessions' overhead is their energy minus their own trials'.
            new Step(
                    3,
                    "each session's overhead outside trials",
                    List.of("ALTER TABLE sessions ADD COLUMN overhead_joules REAL NOT NULL DEFAULT 0", """
                    UPDATE sessions SET overhead_joules = MAX(0, main_joules + worker_joules
                      - (SELECT COALESCE(SUM(t.total_joules), 0) FROM trials t
                         WHERE t.study_id = sessions.study_id AND t.owner = sessions.owner))""")));

    private SchemaMigrations() {}

    static int latest(List<Step> steps) {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).version();
    }

    /**
     * Brings the database up to the last step, inside one exclusive transaction so that two
     * processes opening a new store at once cannot both create it.
     *
     * @throws IllegalStateException if the database is newer than {@code steps} know
     */
    static void migrate(Connection c, List<Step> steps, String where) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            int current = userVersion(s);
            int latest = latest(steps);
            if (current > latest) {
                throw new IllegalStateException(String.format(
                        "the trial store %s has schema version %d, newer than this paretone knows (%d);"
                                + " use the paretone version that wrote it, or another --storage file",
                        where, current, latest));
            }
            for (Step step : steps) {
                if (step.version() > current) {
                    for (String sql : step.statements()) {
                        s.executeUpdate(sql);
                    }
                    s.executeUpdate("PRAGMA user_version = " + step.version());
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    static int userVersion(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
