package io.paretone.search.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.trial.Constraints;
import io.paretone.search.trial.Provenance;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import io.paretone.spaces.Domain;
import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link RunFolder}: {@code study.json}, then {@code trials.json} once the study ended or
 * {@code trials.jsonl} (appended trial by trial) while it runs or after it stopped, and
 * {@code summary.json} when present. Fields added by later versions are ignored; fields missing
 * from older folders read as zero.
 */
public final class RunFolderReader implements StudyReader {
    private static final Logger LOG = LoggerFactory.getLogger(RunFolderReader.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    public RunFolderReader(Path dir) {
        this.dir = dir;
    }

    /** True if {@code dir} looks like a run folder (it has a {@code study.json}). */
    public static boolean isRunFolder(Path dir) {
        return Files.isRegularFile(dir.resolve("study.json"));
    }

    @Override
    public StoredStudy read() {
        if (!isRunFolder(dir)) {
            throw new InvalidValueException(
                    "study",
                    dir,
                    "not a run folder (no study.json there); give a folder written by 'paretone search' or 'quickstart'");
        }
        JsonNode study = readJson("study.json");
        int version = study.path("schema_version").asInt(0);
        if (version > RunFolder.SCHEMA_VERSION) {
            throw new InvalidValueException(
                    "study",
                    dir,
                    "written by a newer paretone (schema " + version + ", this one reads " + RunFolder.SCHEMA_VERSION
                            + "); update paretone");
        }
        boolean finished = Files.isRegularFile(dir.resolve("trials.json"));
        List<JsonNode> trialNodes = finished ? listOf(readJson("trials.json").path("trials")) : trialLines();
        List<StoredObjective> objectives = objectivesOf(study, trialNodes);
        List<StoredTrial> trials = new ArrayList<>();
        for (JsonNode t : trialNodes) {
            trials.add(trial(t, objectives));
        }
        Optional<StudySummary> summary = Files.isRegularFile(dir.resolve("summary.json"))
                ? Optional.of(convert(readJson("summary.json"), StudySummary.class))
                : Optional.empty();
        Map<String, String> settings = new LinkedHashMap<>();
        flatten("", study, settings);
        return new StoredStudy(
                study.path("name").asText(dir.getFileName().toString()),
                dir.toString(),
                finished,
                settings,
                study.path("population").asInt() * study.path("generations").asInt(),
                constraints(study),
                study.path("carbon_intensity_kg_per_kwh").asDouble(),
                summary,
                objectives,
                trials);
    }

    /** The limits as {@code study.json} gives them: all four under "constraints", or the older two at the top. */
    private static Constraints constraints(JsonNode study) {
        JsonNode c = study.path("constraints");
        if (c.isObject()) {
            return new Constraints(
                    c.path("max_parameters").asLong(),
                    c.path("max_flops").asDouble(),
                    c.path("max_kg_co2e").asDouble(),
                    c.path("min_percent_mos").asDouble());
        }
        return new Constraints(
                study.path("max_parameters").asLong(),
                0,
                study.path("max_co2e_kg").asDouble(),
                0);
    }

    /**
     * The study's objectives: as {@code study.json} lists them, or (folders written before it did)
     * as the first trial with objectives names them; units from paretone's objectives where known,
     * in the words of the study's domain ({@link Domain#byId} reads folders written before studies had one).
     */
    private static List<StoredObjective> objectivesOf(JsonNode study, List<JsonNode> trials) {
        Domain domain = Domain.byId(study.path("domain").asText(null));
        List<String> names = new ArrayList<>();
        if (study.hasNonNull("objectives")) {
            for (String name : study.get("objectives").asText().split(",")) {
                names.add(name.strip());
            }
        } else {
            trials.stream().filter(t -> t.has("objectives")).findFirst().ifPresent(t -> t.get("objectives")
                    .fieldNames()
                    .forEachRemaining(names::add));
        }
        List<StoredObjective> out = new ArrayList<>();
        for (String name : names) {
            Objective known = Objective.ALL.stream()
                    .filter(o -> o.name().equals(name))
                    .findFirst()
                    .orElse(null);
            out.add(
                    known == null
                            ? new StoredObjective(name, "", name)
                            : new StoredObjective(
                                    name,
                                    known.in(domain).unit(),
                                    known.in(domain).meaning()));
        }
        return out;
    }

    private StoredTrial trial(JsonNode t, List<StoredObjective> objectives) {
        Map<String, String> genome = new LinkedHashMap<>();
        t.path("genome")
                .properties()
                .forEach(e -> genome.put(e.getKey(), e.getValue().asText()));
        Map<String, Double> values = new LinkedHashMap<>();
        for (StoredObjective o : objectives) {
            JsonNode v = t.path("objectives").path(o.name());
            if (v.isNumber()) {
                values.put(o.name(), v.asDouble());
            }
        }
        TrialOutcome outcome = new TrialOutcome(
                TrialStatus.valueOf(t.path("status").asText(TrialStatus.FAILED.name())),
                t.hasNonNull("failure") ? t.get("failure").asText() : null,
                values,
                t.hasNonNull("metrics") ? convert(t.get("metrics"), TrialMetrics.class) : null,
                t.hasNonNull("provenance") ? convert(t.get("provenance"), Provenance.class) : null,
                null,
                0);
        return new StoredTrial(
                t.path("trial").asInt(),
                t.path("generation").asInt(),
                t.path("family").asText(""),
                genome,
                t.path("description").asText(""),
                outcome);
    }

    /** Trials appended one JSON object per line; a last line cut short by a crash is skipped. */
    private List<JsonNode> trialLines() {
        Path file = dir.resolve("trials.jsonl");
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readTree(lines.get(i)));
                } catch (IOException e) {
                    if (i < lines.size() - 1) {
                        throw new UncheckedIOException("line " + (i + 1) + " of " + file + " is not JSON", e);
                    }
                    LOG.warn("skipping the unfinished last line of {}", file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return out;
    }

    private JsonNode readJson(String file) {
        try {
            return JSON.readTree(dir.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + dir.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unexpected " + type.getSimpleName() + " in a run folder: " + node, e);
        }
    }

    private static List<JsonNode> listOf(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = prefix + e.getKey();
            if (e.getValue().isObject()) {
                flatten(key + ".", e.getValue(), out);
            } else {
                out.put(
                        key,
                        e.getValue().isValueNode()
                                ? e.getValue().asText()
                                : e.getValue().toString());
            }
        }
    }
}
