package io.paretone.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paretone.evaluators.objectives.Objective;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyConfigMapperTest {
    private static StudyConfig yaml(String text) {
        return ConfigReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void objectivesKeyChoosesTheMinimisedSet() {
        assertEquals(List.of(Objective.INFERENCE_ENERGY, Objective.QUALITY),
                StudyConfigMapper.toSettings(yaml("objectives: [inference_energy, one_minus_pmos]\n")).objectives());
    }

    @Test
    void withoutTheKeyTheFourClassicObjectivesAreMinimised() {
        assertEquals(List.of(Objective.CO2E, Objective.PARAMETERS, Objective.FLOPS, Objective.QUALITY),
                StudyConfigMapper.toSettings(yaml("name: x\n")).objectives());
    }
}
