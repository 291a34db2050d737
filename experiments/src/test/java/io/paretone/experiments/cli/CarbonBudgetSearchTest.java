package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search whose carbon budget is spent before its first candidate (the data, calibration and
 * warm-up alone exceed it) stops cleanly: exit 0, nothing trained, the footprint printed and stored.
 */
class CarbonBudgetSearchTest {
    @TempDir
    Path dir;

    @Test
    void searchStopsCleanlyOnceTheBudgetIsReached() throws IOException {
        Path config = dir.resolve("budget.yaml");
        Files.writeString(config, """
                name: budget
                population: 4
                generations: 3
                device: cpu
                dataset:
                  notes: 12
                  clip_seconds: 0.25
                quality:
                  clips: 2
                  clip_seconds: 0.1
                families: [wavenet]
                space:
                  wavenet.layers: [2]
                  wavenet.residual_channels: [4]
                  wavenet.skip_channels: [8]
                  training_steps: [10]
                """);
        CliRun run = CliRun.of(
                "search",
                "--config",
                config.toString(),
                "--output",
                dir.resolve("runs").toString(),
                "--carbon-budget",
                "1e-12",
                "--region",
                "FR");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("not trained: the carbon budget of 1.000e-12 kgCO2e is reached"), run.out());
        assertTrue(
                run.out().contains("carbon budget 1.000e-12 kgCO2e reached: the search stopped early, 4 proposed"),
                run.out());
        assertFalse(run.out().contains("generation 2/3"), "stopped after the first generation: " + run.out());

        Path folder;
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            folder = s.filter(p -> p.getFileName().toString().startsWith("budget-"))
                    .findFirst()
                    .orElseThrow();
        }
        JsonNode all =
                new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
        assertEquals(0, all.get("trials").asInt());
        JsonNode summary = all.get("footprint");
        assertTrue(summary.get("stopped_by_carbon_budget").asBoolean());
        assertEquals(1e-12, summary.get("carbon_budget_kg").asDouble());
        assertEquals(4, summary.get("candidates_not_trained_by_budget").asInt());
        assertTrue(summary.get("total_kg_co2e").asDouble() >= 1e-12);
        assertEquals(
                summary.get("total_joules").asDouble(),
                summary.get("overhead_joules").asDouble(),
                1e-9,
                "with no candidate, everything is the study's own overhead");
        // France's 2021 grid, 67.39 gCO2e/kWh, turns the total energy into the total CO2e.
        assertEquals(
                summary.get("total_kwh").asDouble() * 0.0674,
                summary.get("total_kg_co2e").asDouble(),
                1e-9 * summary.get("total_kg_co2e").asDouble() + 1e-18);
        assertTrue(Files.readString(folder.resolve("footprint.csv")).contains("\ntotal,"));
    }
}
