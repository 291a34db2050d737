package io.paretone.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.paretone.spaces.Domain;
import io.paretone.spaces.check.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StudySchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The YAML keys Jackson binds in {@link StudyConfig}, sections joined by dots. */
    private static List<String> yamlKeys(Class<?> type, String prefix) {
        JavaType t = MAPPER.constructType(type);
        List<String> out = new ArrayList<>();
        for (BeanPropertyDefinition p :
                MAPPER.getSerializationConfig().introspect(t).findProperties()) {
            Class<?> raw = p.getRawPrimaryType();
            if (raw.getEnclosingClass() == StudyConfig.class) {
                out.addAll(yamlKeys(raw, prefix + p.getName() + "."));
            } else {
                out.add(prefix + p.getName());
            }
        }
        return out;
    }

    @Test
    void everyYamlKeyIsDeclaredOnceInTheSchema() {
        List<String> schema = StudySchema.ALL.stream().map(Setting::key).toList();
        assertEquals(schema.size(), new TreeSet<>(schema).size(), "a key declared twice: " + schema);
        assertEquals(
                new TreeSet<>(yamlKeys(StudyConfig.class, "")),
                new TreeSet<>(schema),
                "StudyConfig's keys and StudySchema.ALL differ: declare each key of StudyConfig in StudySchema");
    }

    @Test
    void eachSettingWritesAndReadsItsOwnField() {
        StudyConfig c = new StudyConfig();
        c.dataset.kind = "notes";
        StudySchema.byKey("energy.pue").write(c, 1.5);
        StudySchema.byKey("workers.devices").write(c, List.of("0", "1"));
        StudySchema.byKey("constraints.max_parameters").write(c, 1000L);
        assertEquals(1.5, c.energy.pue);
        assertEquals(List.of("0", "1"), c.workers.devices);
        assertEquals(1000L, c.constraints.maxParameters);
        for (Setting s : StudySchema.ALL) {
            boolean given = List.of("energy.pue", "workers.devices", "constraints.max_parameters", "dataset.kind")
                    .contains(s.key());
            assertEquals(given, s.isSet(c), s.key());
        }
    }

    @Test
    void anotherDatasetKindDropsTheOldKindsKeysButKeepsTheClipLength() {
        StudyConfig c = new StudyConfig();
        c.dataset.kind = "notes";
        c.dataset.notes = 48;
        c.dataset.clipSeconds = 0.5;
        c.dataset.sampleRate = 8000;
        c.dataset.folder = "/data";
        StudySchema.byKey("dataset.kind").write(c, "digits");
        assertEquals("digits", c.dataset.kind);
        assertEquals(null, c.dataset.notes);
        assertEquals(null, c.dataset.folder);
        assertEquals(0.5, c.dataset.clipSeconds);
        assertEquals(8000, c.dataset.sampleRate);
        StudySchema.byKey("dataset.kind").write(c, "digits");
        assertEquals(0.5, c.dataset.clipSeconds, "the same kind again changes nothing");
    }

    @Test
    void aFolderForAKindWithoutOneNamesBothFolderKinds() {
        StudyConfig.DatasetConfig d = new StudyConfig.DatasetConfig();
        d.kind = "notes";
        d.folder = "/data";
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> DatasetFactory.create(d, Domain.AUDIO, 1));
        assertEquals("dataset.folder", e.name());
        assertTrue(
                e.getMessage()
                        .contains("applies to dataset kind wav-folder or image-folder, not notes;"
                                + " remove it or set dataset.kind: wav-folder or image-folder"),
                e.getMessage());
    }

    @Test
    void defaultsTheLibraryOwnsAreReadFromIt() {
        Map<String, String> expected = Map.of(
                "seed",
                "42",
                "population",
                "8",
                "generations",
                "3",
                "quality.clips",
                "32",
                "workers.trial_timeout_seconds",
                "3600",
                "pruning.margin",
                "0.1",
                "energy.ram_watts_per_gb",
                "0.375",
                "objectives",
                "co2e, parameters, flops, one_minus_pmos",
                "energy.meter",
                "auto");
        expected.forEach(
                (key, value) -> assertEquals(value, StudySchema.byKey(key).byDefault(), key));
    }
}
