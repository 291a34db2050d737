package io.paretone.search.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.trial.Constraints;
import io.paretone.search.trial.TrialStatus;
import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsBackEveryTrialAsRunFolderWroteIt() {
        RunFolderFixture f = RunFolderFixture.create(dir, "round");
        f.complete(0, 2e-5, 4_000, 100_000_000, 0.40);
        f.failed(0, "loss became NaN at step 12");
        f.complete(1, 1e-5, 9_000, 300_000_000, 0.25, "a <b>bold</b> description");
        f.finish();

        StoredStudy s = new RunFolderReader(f.path()).read();

        assertEquals("round", s.name());
        assertTrue(s.finished());
        assertEquals(12, s.plannedCandidates(), "population 4 x 3 generations");
        assertEquals(
                List.of("co2e", "parameters", "flops", "one_minus_pmos"),
                s.objectives().stream().map(StoredObjective::name).toList());
        assertEquals("kgCO2e", s.objectives().get(0).unit());
        assertEquals(3, s.trials().size());

        StoredTrial first = s.trials().get(0);
        assertEquals(1, first.number());
        assertEquals(Map.of("layers", "2", "width", "4"), first.genome());
        assertEquals("layers=2 width=4", first.genomeText());
        assertArrayEquals(new double[] {2e-5, 4_000, 100_000_000, 0.40}, s.values(first), 1e-12);
        assertEquals(0.60, first.outcome().metrics().percentMos(), 1e-12);
        assertEquals(1001L, first.outcome().provenance().seed());

        StoredTrial failed = s.trials().get(1);
        assertEquals(TrialStatus.FAILED, failed.status());
        assertFalse(failed.complete());
        assertEquals(Map.of(), failed.outcome().objectives());
        assertEquals("loss became NaN at step 12", failed.outcome().reason());
        assertEquals("a <b>bold</b> description", s.trials().get(2).description());

        StudySummary summary = s.summary().orElseThrow();
        assertEquals(3, summary.trials());
        assertEquals(1, summary.failed());
        assertEquals(2400.0 / 3.6e6 * 0.437, summary.studyKgCo2e(), 1e-15);
        assertEquals("0.437", s.settings().get("carbon_intensity_kg_per_kwh"));
        assertEquals("[2, 3, 4, 6]", s.settings().get("space.layers"));
    }

    @Test
    void anUnfinishedStudyIsReadFromTheTrialLog() {
        RunFolderFixture f = RunFolderFixture.create(dir, "running");
        f.complete(0, 2e-5, 4_000, 100_000_000, 0.40);
        f.complete(0, 3e-5, 5_000, 200_000_000, 0.30);

        StoredStudy s = new RunFolderReader(f.path()).read();

        assertFalse(s.finished());
        assertTrue(s.summary().isEmpty());
        assertEquals(List.of(1, 2), s.trials().stream().map(StoredTrial::number).toList());
    }

    @Test
    void aLastLineCutShortByACrashIsSkipped() throws IOException {
        RunFolderFixture f = RunFolderFixture.create(dir, "crashed");
        f.complete(0, 2e-5, 4_000, 100_000_000, 0.40);
        Files.writeString(
                f.path().resolve("trials.jsonl"),
                "{\"trial\":2,\"gen",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        assertEquals(1, new RunFolderReader(f.path()).read().trials().size());
    }

    @Test
    void frontKeepsFeasibleNonDominatedTrialsOnly() {
        RunFolderFixture f = RunFolderFixture.create(dir, "front", new Constraints(10_000, 0, 0, 0));
        f.complete(0, 1e-5, 5_000, 100, 0.5); // 1: front
        f.complete(0, 2e-5, 6_000, 200, 0.6); // 2: dominated by 1 on every objective
        f.complete(0, 3e-5, 5_000, 100, 0.1); // 3: front (best quality)
        f.complete(0, 1e-6, 20_000, 100, 0.9); // 4: least CO2e, but over the 10k parameter limit
        f.failed(1, "out of memory"); // 5: failed
        f.finish();

        StoredStudy s = new RunFolderReader(f.path()).read();

        assertEquals(List.of(1, 3), s.front().stream().map(StoredTrial::number).toList());
        assertEquals(2, s.summary().orElseThrow().frontSize(), "the same front as the study wrote");
        assertEquals(
                List.of(1),
                s.frontOf(s.trials().subList(0, 2)).stream()
                        .map(StoredTrial::number)
                        .toList());
    }

    @Test
    void aFolderWithoutStudyJsonIsRejectedWithWhatToGive() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new RunFolderReader(dir).read());
        assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
    }
}
