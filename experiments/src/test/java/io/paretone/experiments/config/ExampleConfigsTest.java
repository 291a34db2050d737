package io.paretone.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.paretone.search.StudySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The configs in {@code examples/} that the README tells users to run are valid: read and mapped as a search would. */
class ExampleConfigsTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void everyExampleConfigReadsAndMapsToStudySettingsOfItsOwnName() throws IOException {
        List<Path> configs;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            configs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(configs.isEmpty(), "no example configs under " + EXAMPLES.toAbsolutePath());
        for (Path config : configs) {
            StudyConfig read = ConfigReader.read(config);
            StudySettings settings = StudyConfigMapper.toSettings(read);
            String file = config.getFileName().toString();
            assertEquals(file.substring(0, file.length() - ".yaml".length()), settings.name(), file);
        }
    }
}
