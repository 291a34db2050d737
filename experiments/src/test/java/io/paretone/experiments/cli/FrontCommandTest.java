package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretone.search.store.RunFolderFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paretone front STUDY} on a run folder written from hand-chosen trials. */
class FrontCommandTest {
    @TempDir
    Path runs;

    @BeforeEach
    void study() {
        RunFolderFixture f = RunFolderFixture.create(runs, "fx");
        f.complete(0, 2.0e-5, 4_000, 100_000_000, 0.50); // 1: front (fewest parameters and FLOPs)
        f.complete(0, 3.0e-5, 5_000, 200_000_000, 0.60); // 2: dominated by 1
        f.failed(0, "loss became NaN at step 3"); // 3
        f.complete(1, 1.0e-5, 9_000, 300_000_000, 0.20); // 4: front (least CO2e, best quality)
        f.finish();
    }

    @Test
    void tableShowsTheFrontWithUnitsAndHowEachFigureWasObtained() {
        CliRun run = CliRun.of("front", "fx", "--output", runs.toString());
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("Pareto front: 2 of 4 trained architectures (1 failed)"), out);
        List<String> rows = Arrays.stream(out.split("\n"))
                .filter(l -> l.matches("^\\d+ .*"))
                .toList();
        assertEquals(2, rows.size(), out);
        // sorted by CO2e: trial 4 (0.01 g) before trial 1 (0.02 g)
        assertTrue(
                rows.get(0).startsWith("4 ")
                        && rows.get(0).contains("0.01000")
                        && rows.get(0).contains("9.00k")
                        && rows.get(0).contains("300M")
                        && rows.get(0).contains("0.2000")
                        && rows.get(0).contains("estimated")
                        && rows.get(0).contains("layers=6 width=4"),
                rows.get(0));
        assertTrue(rows.get(1).startsWith("1 ") && rows.get(1).contains("0.02000"), rows.get(1));
        assertTrue(out.contains("CO2e [g]: training energy estimated by the cpu-time meter"), out);
        assertTrue(out.contains("params: trainable parameters counted"), out);
        assertTrue(out.contains("1 - %MOS from the calibrated quality proxy"), out);
    }

    @Test
    void csvHasStoredUnitsAndBasisPerObjective() {
        CliRun run = CliRun.of("front", "fx", "--output", runs.toString(), "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(
                lines.get(0)
                        .startsWith("trial,generation,family,genome,description,co2e [kgCO2e],co2e basis,"
                                + "parameters [count],parameters basis"),
                lines.get(0));
        assertTrue(
                lines.get(1)
                        .startsWith(
                                "4,1,toy,layers=6 width=4,toy model of trial 4,1.00000e-05,estimated,9000.00,counted"),
                lines.get(1));
    }

    @Test
    void jsonGivesEachObjectiveWithValueUnitAndBasis() throws IOException {
        CliRun run = CliRun.of("front", "fx", "--output", runs.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals("fx", doc.get("study").asText());
        assertEquals(1, doc.get("failed").asInt());
        JsonNode first = doc.get("front").get(0);
        assertEquals(4, first.get("trial").asInt());
        assertEquals("6", first.get("genome").get("layers").asText());
        assertEquals(1.0e-5, first.get("objectives").get("co2e").get("value").asDouble(), 1e-15);
        assertEquals("kgCO2e", first.get("objectives").get("co2e").get("unit").asText());
        assertEquals(
                "estimated", first.get("objectives").get("co2e").get("basis").asText());
        assertEquals(
                "counted", first.get("objectives").get("flops").get("basis").asText());
        assertEquals(0.8, first.get("percent_mos").asDouble(), 1e-12);
    }

    @Test
    void anUnknownStudySaysWhereItLookedAndExitsWithUsage() {
        CliRun run = CliRun.of("front", "nosuch", "--output", runs.toString());
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.err().contains("nosuch") && run.err().contains("fx-"), run.err());
        assertTrue(!run.err().contains("Exception"), run.err());
    }
}
