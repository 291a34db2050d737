package io.paretone.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyLocatorTest {
    @TempDir
    Path runs;

    private Path runFolder(String name) throws IOException {
        Path dir = Files.createDirectories(runs.resolve(name));
        Files.writeString(dir.resolve("study.json"), "{\"name\":\"x\",\"schema_version\":1}");
        return dir;
    }

    @Test
    void aPathIsTakenAsGiven() throws IOException {
        Path dir = runFolder("anything");
        assertEquals(dir, StudyLocator.folder(dir.toString(), Path.of("elsewhere")));
    }

    @Test
    void aRunFolderNameIsLookedUpUnderTheOutputFolder() throws IOException {
        Path dir = runFolder("demo-20260101-120000");
        assertEquals(dir, StudyLocator.folder("demo-20260101-120000", runs));
    }

    @Test
    void aStudyNameMeansItsLatestRun() throws IOException {
        runFolder("demo-20260101-120000");
        runFolder("demo-20260102-090000");
        Path latest = runFolder("demo-20260102-090000-10");
        runFolder("demo-20260102-090000-2");
        runFolder("demox-20270101-000000");
        assertEquals(latest, StudyLocator.folder("demo", runs));
    }

    @Test
    void nothingFoundListsTheRunFoldersThere() throws IOException {
        runFolder("demo-20260101-120000");
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> StudyLocator.folder("nope", runs));
        assertTrue(e.getMessage().contains("demo-20260101-120000"), e.getMessage());
        assertTrue(e.getMessage().contains("--output"), e.getMessage());
    }
}
