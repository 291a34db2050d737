package io.paretone.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.objectives.Objective;
import io.paretone.spaces.Domain;
import io.paretone.spaces.check.InvalidValueException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyConfigMapperTest {
    private static StudyConfig yaml(String text) {
        return ConfigReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void workersAreANumberOrAutoWhichIsTheDefault() {
        assertEquals(
                io.paretone.search.StudySettings.Workers.AUTO,
                StudyConfigMapper.toSettings(yaml("name: x\n")).workers().count());
        assertEquals(
                io.paretone.search.StudySettings.Workers.AUTO,
                StudyConfigMapper.toSettings(yaml("workers:\n  count: auto\n"))
                        .workers()
                        .count());
        assertEquals(
                3,
                StudyConfigMapper.toSettings(yaml("workers:\n  count: 3\n"))
                        .workers()
                        .count());
        InvalidValueException e = assertThrows(
                InvalidValueException.class, () -> StudyConfigMapper.toSettings(yaml("workers:\n  count: 0\n")));
        assertTrue(e.getMessage().contains("or auto"), e.getMessage());
    }

    @Test
    void objectivesKeyChoosesTheMinimisedSet() {
        assertEquals(
                List.of(Objective.INFERENCE_ENERGY, Objective.QUALITY),
                StudyConfigMapper.toSettings(yaml("objectives: [inference_energy, one_minus_pmos]\n"))
                        .objectives());
    }

    @Test
    void withoutTheKeyTheFourClassicObjectivesAreMinimised() {
        assertEquals(
                List.of(Objective.CO2E, Objective.PARAMETERS, Objective.FLOPS, Objective.QUALITY),
                StudyConfigMapper.toSettings(yaml("name: x\n")).objectives());
    }

    @Test
    void theImageDomainSearchesEveryImageFamilyByDefault() {
        StudyConfig c = yaml("domain: image\n");
        assertEquals(Domain.IMAGE, StudyConfigMapper.domain(c));
        assertEquals(
                List.of("dcgan", "convvae", "pixelcnn"),
                StudyConfigMapper.toSettings(c).families());
    }

    @Test
    void theDomainFollowsTheFamiliesElseTheDatasetKind() {
        assertEquals(Domain.IMAGE, StudyConfigMapper.domain(yaml("families: [pixelcnn]\n")));
        assertEquals(Domain.IMAGE, StudyConfigMapper.domain(yaml("dataset:\n  kind: image-folder\n")));
        assertEquals(Domain.AUDIO, StudyConfigMapper.domain(yaml("name: x\n")));
    }

    @Test
    void familiesOfAnotherDomainAreRefusedNamingTheDomainsOwn() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> StudyConfigMapper.toSettings(yaml("domain: image\nfamilies: [wavenet]\n")));
        assertEquals("families", e.name());
        assertTrue(e.getMessage().contains("dcgan, convvae, pixelcnn"), e.getMessage());
    }
}
