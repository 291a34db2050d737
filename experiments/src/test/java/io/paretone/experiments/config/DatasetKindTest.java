package io.paretone.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.Domain;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetKindTest {
    @Test
    void withoutAKindAStudyReadsItsDomainsBuiltInDataOrItsFolderKind() {
        assertEquals(DatasetKind.NOTES, DatasetKind.implied(Domain.AUDIO, false));
        assertEquals(DatasetKind.WAV_FOLDER, DatasetKind.implied(Domain.AUDIO, true));
        assertEquals(DatasetKind.DIGITS_RENDERED, DatasetKind.implied(Domain.IMAGE, false));
        assertEquals(DatasetKind.IMAGE_FOLDER, DatasetKind.implied(Domain.IMAGE, true));
    }

    @Test
    void everyDomainHasOneDefaultKindAndOneFolderKind() {
        for (Domain d : Domain.values()) {
            List<DatasetKind> kinds = DatasetKind.of(d);
            for (DatasetKind.Implied role : List.of(DatasetKind.Implied.BY_DEFAULT, DatasetKind.Implied.BY_FOLDER)) {
                assertEquals(
                        1, kinds.stream().filter(k -> k.impliedWhen() == role).count(), d.id() + " " + role);
            }
        }
    }

    @Test
    void aKindIsNamedAsTheDatasetItBuilds() {
        // Spoken digits need a speech engine installed, so it is left to DatasetFactoryTest.
        StudyConfig.DatasetConfig c = new StudyConfig.DatasetConfig();
        c.folder = "/data/any";
        for (DatasetKind kind : List.of(DatasetKind.WAV_FOLDER, DatasetKind.IMAGE_FOLDER)) {
            assertEquals(kind.id(), kind.create(c, 1).name());
        }
        StudyConfig.DatasetConfig none = new StudyConfig.DatasetConfig();
        for (DatasetKind kind : List.of(DatasetKind.NOTES, DatasetKind.DIGITS_RENDERED)) {
            assertEquals(kind.id(), kind.create(none, 1).name());
        }
        assertEquals(DatasetKind.DIGITS, DatasetKind.named("digits"));
        assertNull(DatasetKind.named("nsynth"));
    }

    @Test
    void theHelpListsEachDomainsKindsInOrder() {
        String help = DatasetKind.help();
        assertTrue(
                help.matches("for audio: notes \\(.*\\), digits \\(.*\\) or wav-folder \\(.*\\);"
                        + " for image: digits-rendered \\(.*\\) or image-folder \\(.*\\)"),
                help);
        assertEquals("notes (audio), digits-rendered (image)", DatasetKind.defaults());
    }
}
