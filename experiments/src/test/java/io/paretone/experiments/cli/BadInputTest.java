package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends with one clear line on stderr, exit code 2 and no stack trace. */
class BadInputTest {
    @TempDir
    Path dir;

    private static void assertUsageError(CliRun run, String... mentions) {
        assertEquals(2, run.exitCode(), run.err());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), "one line expected: " + err);
        assertTrue(err.startsWith("paretone: "), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "stack trace leaked: " + err);
        for (String m : mentions) {
            assertTrue(err.contains(m), "'" + m + "' missing from: " + err);
        }
    }

    private Path config(String yaml) throws IOException {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void unknownOptionIsRejected() {
        assertUsageError(CliRun.of("search", "--populaton", "4"), "--populaton");
    }

    @Test
    void missingCommandIsRejected() {
        assertUsageError(CliRun.of(), "quickstart, search");
    }

    @Test
    void missingConfigFileIsNamed() {
        assertUsageError(
                CliRun.of("search", "--config", dir.resolve("nope.yaml").toString()), "nope.yaml", "does not exist");
    }

    @Test
    void malformedYamlGivesItsLine() throws IOException {
        assertUsageError(
                CliRun.of(
                        "search",
                        "--config",
                        config("name: x\npopulation: 4: 5\n").toString()),
                "not valid YAML",
                "line");
    }

    @Test
    void unknownKeyIsNamedWithTheKnownOnes() throws IOException {
        assertUsageError(
                CliRun.of(
                        "search", "--config", config("name: x\npopulaton: 4\n").toString()),
                "unknown key 'populaton'",
                "line 2",
                "population");
    }

    @Test
    void wrongTypeIsNamed() throws IOException {
        assertUsageError(
                CliRun.of("search", "--config", config("population: many\n").toString()),
                "'population'",
                "whole number");
    }

    @Test
    void outOfRangeValuesAreNamedWithTheFix() throws IOException {
        assertUsageError(CliRun.of("search", "--population", "3"), "population = 3", "even");
        assertUsageError(CliRun.of("search", "--generations", "0"), "generations = 0");
        assertUsageError(CliRun.of("search", "--carbon-intensity", "-1"), "carbon intensity");
        assertUsageError(
                CliRun.of(
                        "search",
                        "--config",
                        config("space:\n  wavenet.layers: [5]\n").toString()),
                "wavenet.layers = 5",
                "allowed values");
        assertUsageError(
                CliRun.of("search", "--config", config("space:\n  depth: [5]\n").toString()), "depth");
        assertUsageError(
                CliRun.of(
                        "search",
                        "--config",
                        config("families: [transformer]\n").toString()),
                "transformer");
        assertUsageError(CliRun.of("search", "--families", "wavenet,transformer"), "transformer", "known families");
        assertUsageError(
                CliRun.of(
                        "search", "--config", config("space:\n  layers: [2]\n").toString()),
                "layers",
                "wavenet.layers");
        assertUsageError(CliRun.of("search", "--device", "tpu"), "device = tpu");
        assertUsageError(CliRun.of("search", "--region", "XY"), "region = XY", "--carbon-intensity");
        assertUsageError(
                CliRun.of("search", "--meter", "wattmeter"), "meter = wattmeter", "auto, rapl, nvml or estimate");
        assertUsageError(CliRun.of("search", "--pue", "0.8"), "pue = 0.8");
        assertUsageError(CliRun.of("search", "--carbon-budget", "-1"), "carbon_budget_kg");
        assertUsageError(CliRun.of("search", "--tdp", "0"), "tdp");
    }

    @Test
    void meterThatCannotReadHereIsNamedWithItsReason() {
        // This machine runs the study on the CPU, where NVML has nothing to meter.
        assertUsageError(
                CliRun.of("search", "--device", "cpu", "--meter", "nvml", "--output", dir.toString()),
                "meter = nvml",
                "--device gpu");
    }

    @Test
    void gpuThatDjlDoesNotSeeNamesTheRoutesToOne() {
        // CI has no GPU: DJL's bundled CPU build sees none, whatever GPU is asked for.
        for (String device : List.of("gpu", "gpu:3")) {
            assertUsageError(
                    CliRun.of(
                            "search",
                            "--device",
                            device,
                            "--output",
                            dir.resolve(device).toString()),
                    "device = " + device,
                    "DJL sees no GPU",
                    "PyTorch 2.7.1 (cpu)",
                    "--allow-download",
                    "PYTORCH_LIBRARY_PATH",
                    "--device cpu");
        }
    }

    @Test
    void unknownOrRepeatedObjectiveIsNamedWithTheKnownOnes() throws IOException {
        assertUsageError(CliRun.of("search", "--objectives", "co2e,speed"), "objectives = speed", "latency");
        assertUsageError(
                CliRun.of(
                        "search",
                        "--config",
                        config("objectives: [flops, flops]\n").toString()),
                "objectives",
                "once");
    }

    @Test
    void unknownDatasetKindIsNamedWithTheKinds() {
        assertUsageError(
                CliRun.of(
                        "search",
                        "--dataset",
                        "nsynth",
                        "--output",
                        dir.resolve("runs").toString()),
                "dataset.kind = nsynth",
                "notes, digits, wav-folder");
    }

    @Test
    void missingWavFolderIsNamed() {
        assertUsageError(
                CliRun.of(
                        "search",
                        "--dataset",
                        "wav-folder",
                        "--dataset-folder",
                        dir.resolve("nowhere").toString(),
                        "--output",
                        dir.resolve("runs").toString()),
                "nowhere",
                "is not a folder");
    }

    @Test
    void unwritableOutputFolderIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertUsageError(
                CliRun.of("quickstart", "--output", file.resolve("runs").toString()), "cannot write there", "--output");
    }

    @Test
    void aStoredStudyIsNotResumedWithOtherSettings() throws IOException {
        Path runs = dir.resolve("runs");
        try (var store = io.paretone.search.store.SqliteTrialStore.open(runs.resolve("paretone.db"))) {
            store.openStudy(new io.paretone.search.store.NewStudy(
                    "kept",
                    "nsga2",
                    "wavenet",
                    7,
                    java.util.List.of("co2e"),
                    "{}",
                    "{\"seed\":7,\"family\":\"wavenet\"}",
                    null));
        }
        assertUsageError(
                CliRun.of(
                        "search",
                        "--config",
                        TinyConfig.write(dir, "tiny", java.util.List.of("wavenet"))
                                .toString(),
                        "--output",
                        runs.toString(),
                        "--study",
                        "kept"),
                "study = kept",
                "exists with other settings",
                "seed 7 (stored)");
    }

    @Test
    void unknownAlgorithmAndDevicesAreNamed() {
        assertUsageError(CliRun.of("search", "--algorithm", "grid"), "algorithm = grid", "nsga2");
        assertUsageError(CliRun.of("search", "--devices", "tpu0"), "devices = tpu0");
        assertUsageError(CliRun.of("search", "--prune-at", "1.5"), "prune_at = 1.5");
        assertUsageError(CliRun.of("search", "--workers", "0"), "workers = 0");
    }

    @Test
    void theSparkEngineWithoutTheSparkBuildSaysHowToBuildIt() {
        assertUsageError(
                CliRun.of("search", "--engine", "spark", "--master", "local[2]", "--output", dir.toString()),
                "engine = spark",
                "-Pspark");
    }

    @Test
    void studiesWithoutAStoreSaysWhereItLooked() {
        assertUsageError(
                CliRun.of("studies", "--output", dir.resolve("nothing").toString()), "no trial store", "--storage");
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("quickstart") && help.out().contains("search"), help.out());
        CliRun searchHelp = CliRun.of("search", "--help");
        assertEquals(0, searchHelp.exitCode());
        assertTrue(searchHelp.out().contains("--config"), searchHelp.out());
        CliRun version = CliRun.of("quickstart", "--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().contains("paretone") && version.out().contains("DJL"), version.out());
    }
}
