package io.paretone.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.data.Dataset;
import io.paretone.evaluators.data.SpokenDigitsDataset;
import io.paretone.evaluators.data.SynthNotesDataset;
import io.paretone.evaluators.data.WavFolderDataset;
import io.paretone.evaluators.data.image.ImageFolderDataset;
import io.paretone.evaluators.data.image.RenderedDigitsDataset;
import io.paretone.spaces.Domain;
import io.paretone.spaces.check.InvalidValueException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetFactoryTest {
    private static StudyConfig.DatasetConfig dataset(String yaml) {
        return ConfigReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml").dataset;
    }

    @Test
    void notesIsTheDefaultAndTakesItsKeys() {
        SynthNotesDataset notes =
                assertInstanceOf(SynthNotesDataset.class, DatasetFactory.create(dataset("""
                dataset:
                  notes: 30
                  velocities: [50, 100]
                  pitches: [60, 64]
                  note_off: [0.3, 0.5]
                  sample_rate: 8000
                """), Domain.AUDIO, 9));
        assertEquals(30, notes.settings().notes());
        assertEquals(List.of(50, 100), notes.settings().velocities());
        assertEquals(60, notes.settings().lowestPitch());
        assertEquals(64, notes.settings().highestPitch());
        assertEquals(0.3, notes.settings().noteOffLow());
        assertEquals(8000, notes.settings().sampleRate());
        assertEquals(9, notes.settings().seed());
    }

    @Test
    void wavFolderTakesTheFolderAndIsImpliedByIt() {
        WavFolderDataset folder = assertInstanceOf(
                WavFolderDataset.class,
                DatasetFactory.create(dataset("dataset:\n  folder: /data/sc09\n  max_clips: 50\n"), Domain.AUDIO, 1));
        assertEquals(Path.of("/data/sc09"), folder.settings().folder());
        assertEquals(50, folder.settings().maxClips());
    }

    @Test
    void wavFolderWithoutAFolderSaysWhatToWrite() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> DatasetFactory.create(dataset("dataset:\n  kind: wav-folder\n"), Domain.AUDIO, 1));
        assertEquals("dataset.folder", e.name());
    }

    @Test
    void digitsTakesItsKeys() {
        try {
            SpokenDigitsDataset digits =
                    assertInstanceOf(SpokenDigitsDataset.class, DatasetFactory.create(dataset("""
                    dataset:
                      kind: digits
                      clips: 40
                      pitch: [0.4, 0.6]
                      rate: [0.9, 1.1]
                    """), Domain.AUDIO, 1));
            assertEquals(40, digits.settings().clips());
            assertEquals(0.4, digits.settings().lowPitch());
            assertEquals(1.1, digits.settings().highRate());
        } catch (InvalidValueException e) {
            // No speech synthesiser on this machine: then the message must say which package to install.
            assertTrue(e.getMessage().contains("apt-get install espeak-ng"), e.getMessage());
        }
    }

    @Test
    void aKeyOfAnotherKindIsRejectedNamingItsKind() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> DatasetFactory.create(dataset("dataset:\n  kind: notes\n  voices: [en-us]\n"), Domain.AUDIO, 1));
        assertEquals("dataset.voices", e.name());
        assertTrue(e.getMessage().contains("applies to dataset kind digits"), e.getMessage());
    }

    @Test
    void anUnknownKindListsTheKinds() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> DatasetFactory.create(dataset("dataset:\n  kind: nsynth\n"), Domain.AUDIO, 1));
        assertTrue(e.getMessage().contains("notes, digits, wav-folder"), e.getMessage());
    }

    @Test
    void aRangeNeedsTwoValues() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> DatasetFactory.create(dataset("dataset:\n  pitches: [60]\n"), Domain.AUDIO, 1));
        assertEquals("dataset.pitches", e.name());
    }

    @Test
    void theImageDomainDefaultsToRenderedDigitsAndTakesTheirKeys() {
        Dataset d = DatasetFactory.create(
                dataset("dataset:\n  train_per_class: 3\n  held_out_per_class: 2\n"), Domain.IMAGE, 1);
        assertInstanceOf(RenderedDigitsDataset.class, d);
        assertEquals("digits-rendered", d.name());
    }

    @Test
    void aFolderInTheImageDomainIsAnImageFolder() {
        assertInstanceOf(
                ImageFolderDataset.class,
                DatasetFactory.create(dataset("dataset:\n  folder: /data/pets\n"), Domain.IMAGE, 1));
    }

    @Test
    void aKindOfAnotherDomainSaysWhichKindsFit() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> DatasetFactory.create(dataset("dataset:\n  kind: notes\n"), Domain.IMAGE, 1));
        assertTrue(e.getMessage().contains("digits-rendered, image-folder"), e.getMessage());
        assertEquals(Domain.IMAGE, DatasetFactory.domainOf("image-folder"));
        assertEquals(Domain.AUDIO, DatasetFactory.domainOf("wav-folder"));
    }

    @Test
    void audioKeysAreRefusedForImages() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> DatasetFactory.create(dataset("dataset:\n  clip_seconds: 0.5\n"), Domain.IMAGE, 1));
        assertEquals("dataset.clip_seconds", e.name());
        assertTrue(e.getMessage().contains("applies to dataset kind notes, digits, wav-folder"), e.getMessage());
    }
}
