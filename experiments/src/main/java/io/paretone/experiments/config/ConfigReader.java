package io.paretone.experiments.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads a {@link StudyConfig} from YAML, strictly: an unknown key, a wrong type or malformed YAML
 * is a {@link UsageException} naming the file, the line and the key.
 */
public final class ConfigReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** The same mapping as JSON, for the copy of a config kept with a stored study. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private ConfigReader() {}

    /** A config as JSON, keys as in YAML, unset keys left out. */
    public static String toJson(StudyConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a config always converts to JSON", e);
        }
    }

    /** Reads back a config written by {@link #toJson}; {@code source} names it in messages. */
    public static StudyConfig fromJson(String json, String source) {
        try {
            return JSON.readValue(json, StudyConfig.class);
        } catch (JsonProcessingException e) {
            throw new UsageException("the config stored with " + source + " cannot be read by this paretone ("
                    + e.getOriginalMessage() + "); give the study's settings with --config");
        }
    }

    public static StudyConfig read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new UsageException("config file " + file + " does not exist; check the path given to --config");
        } catch (IOException e) {
            throw new UsageException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    /** Reads a config from a stream; {@code source} names it in messages. */
    public static StudyConfig read(InputStream in, String source) {
        try {
            StudyConfig config = YAML.readValue(in, StudyConfig.class);
            if (config == null) {
                throw new UsageException(
                        "config file " + source + " is empty; write at least one key, e.g. 'generations: 3'");
            }
            return config;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream()
                    .map(Object::toString)
                    .sorted()
                    .collect(Collectors.joining(", "));
            throw new UsageException(
                    String.format(
                            "unknown key '%s' in %s%s; known keys here: %s",
                            keyPath(e), source, line(e.getLocation()), known),
                    e);
        } catch (MismatchedInputException e) {
            String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
            throw new UsageException(
                    String.format(
                            "key '%s' in %s%s has the wrong type: expected %s",
                            keyPath(e), source, line(e.getLocation()), expected),
                    e);
        } catch (JsonMappingException e) {
            throw new UsageException(
                    String.format(
                            "key '%s' in %s%s is invalid: %s",
                            keyPath(e), source, line(e.getLocation()), e.getOriginalMessage()),
                    e);
        } catch (JsonProcessingException e) {
            throw new UsageException(
                    String.format(
                            "%s is not valid YAML%s: %s",
                            source,
                            line(e.getLocation()),
                            e.getOriginalMessage().split("\n")[0]),
                    e);
        } catch (IOException e) {
            throw new UsageException("cannot read config " + source + ": " + e.getMessage(), e);
        }
    }

    private static String keyPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " at line " + location.getLineNr();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list such as [1, 2, 3]";
        }
        return "a section of keys";
    }
}
