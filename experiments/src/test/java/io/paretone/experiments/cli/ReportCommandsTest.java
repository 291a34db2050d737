package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.store.RunFolderFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paretone report} and {@code paretone plots} write into the run folder unless told otherwise. */
class ReportCommandsTest {
    @TempDir
    Path runs;

    private RunFolderFixture study() {
        RunFolderFixture f = RunFolderFixture.create(runs, "cmd");
        f.complete(0, 1e-5, 2_000, 100_000_000, 0.9);
        f.complete(0, 1e-4, 20_000, 1_000_000_000, 0.3);
        return f.finish();
    }

    @Test
    void reportGoesIntoTheRunFolder() throws IOException {
        RunFolderFixture f = study();
        CliRun run = CliRun.of("report", f.path().toString());
        assertEquals(0, run.exitCode(), run.err());
        Path report = f.path().resolve("report.html");
        assertTrue(run.out().contains(report.toAbsolutePath().toString()), run.out());
        assertTrue(Files.readString(report).contains("<tr id=\"trial-2\""));
    }

    @Test
    void plotsGoWhereTold() throws IOException {
        study();
        Path to = runs.resolve("elsewhere");
        CliRun run = CliRun.of("plots", "cmd", "--output", runs.toString(), "--to", to.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (Stream<Path> files = Files.list(to)) {
            assertEquals(16, files.count(), run.out());
        }
    }

    @Test
    void aFolderThatIsNoStudyIsAUsageError() {
        CliRun run = CliRun.of("report", runs.toString());
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.err().startsWith("paretone: STUDY = "), run.err());
    }
}
