package io.paretone.search.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.families.ModelFamilies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A study's folder of results, exported from the trial store (which is the record; these files are
 * for reading and plotting). Each trial is appended to {@code trials.csv} and {@code trials.jsonl}
 * the moment it ends; a resumed study first rewrites both from the store. {@code front.*},
 * {@code trials.json} and {@code hypervolume.csv} are written at the end. JSON files carry a
 * schema version.
 */
public final class RunFolder {
    /**
     * 2: per-generated-unit figures ({@code generation_joules_per_unit}, {@code seconds_per_unit},
     * ...; the study's {@code domain} names the unit) where version 1 named them per second;
     * {@link RunFolderReader} reads both.
     */
    public static final int SCHEMA_VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();

    /** Counted and measured cost of each trial, whatever objectives the study minimises. */
    private static final List<String> COST_COLUMNS = List.of(
            "parameters_trainable",
            "generation_flops_per_unit",
            "model_bytes",
            "forward_flops_per_training_example",
            "training_flops",
            "generation_values_per_second",
            "seconds_per_unit",
            "training_inference_ratio_units");

    private final Path dir;
    private final List<Objective> objectives;

    private RunFolder(Path dir, List<Objective> objectives) {
        this.dir = dir;
        this.objectives = List.copyOf(objectives);
    }

    /**
     * Opens the study's folder, creating it if needed, and checks it can be written.
     *
     * @param objectives the study's objectives, in the order of every trial's objective vector
     *
     * @throws InvalidValueException if the folder cannot be created or written
     */
    public static RunFolder open(Path dir, List<Objective> objectives) {
        checkFolder(dir);
        return new RunFolder(dir, objectives);
    }

    private static void checkFolder(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? "not writable" : e.getReason();
            throw new InvalidValueException(
                    "output",
                    dir.getParent(),
                    "cannot write there (" + reason + ": " + e.getFile() + "); choose a writable folder with --output");
        } catch (IOException | SecurityException e) {
            throw new InvalidValueException(
                    "output",
                    dir.getParent(),
                    "cannot write there (" + e.getMessage() + "); choose a writable folder with --output");
        }
    }

    /**
     * Checks that the output folder can be created and written, before any work goes there.
     *
     * @throws InvalidValueException if it cannot
     */
    public static void checkWritable(Path outputDir) {
        checkFolder(outputDir);
    }

    public Path path() {
        return dir;
    }

    /** Writes the study's settings and data description, as given by the caller. */
    public void writeStudy(ObjectNode study) {
        study.put("schema_version", SCHEMA_VERSION);
        writeAtomically("study.json", json(study));
    }

    /** Rewrites the CSV and JSON-lines logs with these trials, as a resumed study starts. */
    public synchronized void rewriteLog(List<Trial> trials) {
        try {
            Files.deleteIfExists(dir.resolve("trials.csv"));
            Files.deleteIfExists(dir.resolve("trials.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not rewrite the trial logs in " + dir, e);
        }
        trials.forEach(this::append);
    }

    /** Appends one finished trial to the CSV and JSON-lines logs. */
    public synchronized void append(Trial trial) {
        try {
            Path csv = dir.resolve("trials.csv");
            if (!Files.exists(csv)) {
                Files.writeString(csv, String.join(",", csvHeader()) + "\n", StandardCharsets.UTF_8);
            }
            Files.writeString(
                    csv, String.join(",", csvRow(trial)) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.writeString(
                    dir.resolve("trials.jsonl"),
                    JSON_LINE.writeValueAsString(toJson(trial)) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record trial " + trial.number() + " in " + dir, e);
        }
    }

    /** Writes all trials and the Pareto front as CSV and JSON. */
    public void writeResults(
            List<Trial> trials, List<Trial> front, ObjectNode summary, List<HypervolumePoint> history) {
        ArrayNode all = JSON.createArrayNode();
        trials.forEach(t -> all.add(toJson(t)));
        ObjectNode trialsDoc = JSON.createObjectNode().put("schema_version", SCHEMA_VERSION);
        trialsDoc.set("trials", all);
        writeAtomically("trials.json", json(trialsDoc));

        ArrayNode frontArray = JSON.createArrayNode();
        front.forEach(t -> frontArray.add(toJson(t)));
        ObjectNode frontDoc = JSON.createObjectNode().put("schema_version", SCHEMA_VERSION);
        frontDoc.set("objectives", objectivesJson());
        frontDoc.set("front", frontArray);
        writeAtomically("front.json", json(frontDoc));

        StringBuilder csv = new StringBuilder(String.join(",", csvHeader())).append('\n');
        front.forEach(t -> csv.append(String.join(",", csvRow(t))).append('\n'));
        writeAtomically("front.csv", csv.toString());

        summary.put("schema_version", SCHEMA_VERSION);
        writeAtomically("summary.json", json(summary));

        StringBuilder hv = new StringBuilder("generation,trials,kg_co2e,hypervolume,front_size\n");
        for (HypervolumePoint p : history) {
            hv.append(p.generation())
                    .append(',')
                    .append(p.trials())
                    .append(',')
                    .append(number(p.kgCo2e()))
                    .append(',')
                    .append(number(p.hypervolume()))
                    .append(',')
                    .append(p.frontSize())
                    .append('\n');
        }
        writeAtomically("hypervolume.csv", hv.toString());
    }

    private ArrayNode objectivesJson() {
        ArrayNode a = JSON.createArrayNode();
        for (Objective o : objectives) {
            a.addObject()
                    .put("name", o.name())
                    .put("unit", o.unit())
                    .put("meaning", o.meaning())
                    .put("direction", "minimise");
        }
        return a;
    }

    private List<String> csvHeader() {
        List<String> h = new ArrayList<>(List.of("trial", "generation", "status", "genome"));
        for (Objective o : objectives) {
            h.add(o.name());
        }
        h.addAll(List.of(
                "percent_mos",
                "training_joules",
                "lacoste_kg_co2e",
                "training_seconds",
                "generation_seconds",
                "generation_joules_per_unit",
                "initial_loss",
                "final_loss",
                "energy_meter",
                "energy_estimated"));
        h.addAll(COST_COLUMNS);
        h.addAll(List.of("pruned_at_step", "joules_saved", "seed", "device", "dataset_hash", "failure", "description"));
        return h;
    }

    private List<String> csvRow(Trial t) {
        List<String> r = new ArrayList<>(List.of(
                Integer.toString(t.number()),
                Integer.toString(t.generation()),
                t.outcome().status().name(),
                quote(t.genome().toString())));
        for (Objective o : objectives) {
            Double v = t.outcome().objectives().get(o.name());
            r.add(v == null || v.isNaN() ? "" : number(v));
        }
        TrialMetrics m = t.outcome().metrics();
        if (m != null) {
            r.addAll(List.of(
                    number(m.percentMos()),
                    number(m.trainingJoules()),
                    number(m.lacosteKgCo2e()),
                    number(m.trainingSeconds()),
                    number(m.generationSeconds()),
                    number(m.generationJoulesPerUnit()),
                    number(m.initialLoss()),
                    number(m.finalLoss()),
                    m.energyMeter(),
                    Boolean.toString(m.energyEstimated())));
            r.addAll(List.of(
                    Long.toString(m.parameters()),
                    Long.toString(m.generationFlopsPerUnit()),
                    Long.toString(m.modelBytes()),
                    Long.toString(m.forwardFlopsPerTrainingExample()),
                    Long.toString(m.trainingFlops()),
                    number(m.generationValuesPerSecond()),
                    number(m.secondsPerUnit()),
                    number(m.trainingInferenceRatioUnits())));
        } else {
            for (int i = 0; i < 10 + COST_COLUMNS.size(); i++) {
                r.add("");
            }
        }
        r.add(
                t.outcome().pruning() == null
                        ? ""
                        : Integer.toString(t.outcome().pruning().step()));
        r.add(t.outcome().pruning() == null ? "" : number(t.outcome().pruning().joulesSaved()));
        r.add(
                t.outcome().provenance() == null
                        ? ""
                        : Long.toString(t.outcome().provenance().seed()));
        r.add(t.outcome().provenance() == null ? "" : t.outcome().provenance().device());
        r.add(t.outcome().provenance() == null ? "" : t.outcome().provenance().datasetHash());
        r.add(quote(t.outcome().reason() == null ? "" : t.outcome().reason()));
        r.add(quote(t.description()));
        return r;
    }

    /** One trial as a JSON object. */
    public ObjectNode toJson(Trial t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("trial", t.number())
                .put("generation", t.generation())
                .put("status", t.outcome().status().name());
        // A study's genome is of the mixed space; a space of one family (tests, tools) is named after it.
        o.put(
                "family",
                t.genome().space().contains(ModelFamilies.FAMILY)
                        ? t.genome().choice(ModelFamilies.FAMILY)
                        : t.genome().space().name());
        ObjectNode genes = o.putObject("genome");
        t.genome().asText().forEach(genes::put);
        o.put("description", t.description());
        // Final values when complete, checkpoint values when pruned, what was counted before a rejection.
        ObjectNode obj = JSON.createObjectNode();
        for (Objective ob : objectives) {
            Double v = t.outcome().objectives().get(ob.name());
            if (v != null && !v.isNaN()) {
                obj.put(ob.name(), v);
            }
        }
        if (!obj.isEmpty()) {
            o.set("objectives", obj);
        }
        if (t.outcome().reason() != null) {
            o.put("failure", t.outcome().reason());
        }
        if (t.outcome().metrics() != null) {
            o.set("metrics", JSON.valueToTree(t.outcome().metrics()));
        }
        if (t.outcome().pruning() != null) {
            o.set("pruning", JSON.valueToTree(t.outcome().pruning()));
        }
        if (t.outcome().provenance() != null) {
            o.set("provenance", JSON.valueToTree(t.outcome().provenance()));
        }
        return o;
    }

    private static String json(Object node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeAtomically(String file, String content) {
        try {
            Path tmp = dir.resolve(file + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + dir.resolve(file), e);
        }
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
