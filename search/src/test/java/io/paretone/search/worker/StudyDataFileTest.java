package io.paretone.search.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.data.DataSplits;
import io.paretone.evaluators.data.image.ImageSplits;
import io.paretone.evaluators.data.image.LabelledImage;
import io.paretone.search.testing.SineDataset;
import io.paretone.spaces.Domain;
import io.paretone.spaces.image.ImageFormat;
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
        AudioSplits back = (AudioSplits) StudyDataFile.read(file, data.contentHash());
        assertEquals(data.contentHash(), back.contentHash());
        assertEquals(data.sampleRate(), back.sampleRate());
        assertEquals(data.test().get(1).labels(), back.test().get(1).labels());
        assertArrayEquals(data.train().get(3).samples(), back.train().get(3).samples());
        assertEquals(file, StudyDataFile.export(data, dir), "an intact file is reused");
    }

    @Test
    void labelsWithSeveralFacetsKeepTheirNamesAndOrder() throws IOException {
        var clip = new io.paretone.evaluators.data.AudioClip(
                new float[] {0.1f, -0.2f, 0.3f}, java.util.Map.of("instrument", "73"));
        var labels = new java.util.LinkedHashMap<String, String>();
        labels.put("pitch", "69");
        labels.put("velocity", "100");
        var two = new io.paretone.evaluators.data.AudioClip(new float[] {0.5f}, labels);
        var splits = java.util.List.of(clip, two);
        AudioSplits data = new AudioSplits(
                "facets",
                16000,
                splits,
                java.util.List.of(clip),
                java.util.List.of(two),
                io.paretone.evaluators.data.ContentHash.of(splits, java.util.List.of(clip), java.util.List.of(two)));
        AudioSplits back = (AudioSplits) StudyDataFile.read(StudyDataFile.export(data, dir), data.contentHash());
        assertEquals(
                java.util.List.of("pitch", "velocity"),
                java.util.List.copyOf(back.train().get(1).labels().keySet()));
        assertEquals("69:100", back.train().get(1).label());
        assertEquals(data.contentHash(), back.contentHash());
    }

    @Test
    void imagesComeBackAsImagesOfTheirFormat() throws IOException {
        float[] pixels = new float[16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / 8f - 1;
        }
        var three = new LabelledImage(pixels, "3");
        var seven = new LabelledImage(new float[16], "7");
        var train = java.util.List.of(three, seven);
        ImageSplits data = new ImageSplits(
                "tiny",
                new ImageFormat(1, 4, 4),
                train,
                java.util.List.of(seven),
                java.util.List.of(three),
                io.paretone.evaluators.data.ContentHash.of(train, java.util.List.of(seven), java.util.List.of(three)));
        DataSplits back = StudyDataFile.read(StudyDataFile.export(data, dir), data.contentHash());
        ImageSplits images = assertInstanceOf(ImageSplits.class, back);
        assertEquals(Domain.IMAGE, back.domain());
        assertEquals(data.format(), images.format());
        assertEquals("7", images.train().get(1).label());
        assertArrayEquals(three.values(), images.test().get(0).values());
        assertEquals(16, back.valuesPerUnit());
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
        assertArrayEquals(
                data.train().get(0).samples(),
                StudyDataFile.read(StudyDataFile.export(data, dir), data.contentHash())
                        .train()
                        .get(0)
                        .values(),
                "export rewrites a damaged file");
    }
}
