package io.paretone.search.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.data.AudioSplits;
import io.paretone.search.testing.SineDataset;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyDataFileTest {
    @TempDir
    Path dir;

    @Test
    void workersReadBackExactlyTheStudysClips() throws IOException {
        AudioSplits data = new SineDataset().load(dir);
        Path file = StudyDataFile.export(data, dir);
        assertTrue(file.getFileName().toString().contains(data.contentHash().substring(0, 16)));
        AudioSplits back = StudyDataFile.read(file, data.contentHash());
        assertEquals(data.contentHash(), back.contentHash());
        assertEquals(data.sampleRate(), back.sampleRate());
        assertEquals(data.test().get(1).label(), back.test().get(1).label());
        assertArrayEquals(data.train().get(3).samples(), back.train().get(3).samples());
        assertEquals(file, StudyDataFile.export(data, dir), "an intact file is reused");
    }

    @Test
    void aDamagedFileOrAnotherStudysDataIsRefused() throws IOException {
        AudioSplits data = new SineDataset().load(dir);
        Path file = StudyDataFile.export(data, dir);
        var wrong = assertThrows(IOException.class, () -> StudyDataFile.read(file, "0".repeat(64)));
        assertTrue(wrong.getMessage().contains("expected"), wrong.getMessage());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(Files.size(file) - 10);
            f.write(new byte[] {1, 2, 3});
        }
        assertThrows(IOException.class, () -> StudyDataFile.read(file, data.contentHash()));
        assertArrayEquals(data.train().get(0).samples(),
                StudyDataFile.read(StudyDataFile.export(data, dir), data.contentHash()).train().get(0).samples(),
                "export rewrites a damaged file");
    }
}
