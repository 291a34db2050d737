package io.paretone.experiments.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretone.search.store.StoredStudy;
import io.paretone.search.store.StoredTrial;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Pareto-optimal architectures of a study as CSV or JSON, for other tools: values in their
 * stored units, each objective with its unit and how it was obtained.
 */
public final class FrontExport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FrontExport() {}

    /** The front, one architecture per row, stored units in the header. */
    public static void csv(StoredStudy study, PrintWriter out) {
        List<ObjectiveView> views = ObjectiveView.of(study);
        List<String> header = new ArrayList<>(List.of("trial", "generation", "family", "genome", "description"));
        for (ObjectiveView v : views) {
            header.add(v.name() + " [" + v.objective().unit() + "]");
            header.add(v.name() + " basis");
        }
        header.add("lacoste [kgCO2e]");
        out.println(String.join(",", header.stream().map(FrontExport::csvField).toList()));
        for (StoredTrial t : FrontTable.sortedFront(study)) {
            List<String> row = new ArrayList<>(List.of(
                    Integer.toString(t.number()),
                    Integer.toString(t.generation()),
                    t.family(),
                    t.genomeText(),
                    t.description()));
            for (ObjectiveView v : views) {
                row.add(number(v.value(t)));
                row.add(v.basis(t));
            }
            row.add(number(t.outcome().metrics().lacosteKgCo2e()));
            out.println(String.join(",", row.stream().map(FrontExport::csvField).toList()));
        }
        out.flush();
    }

    /** The front with the study's name, objectives (unit, meaning) and each value's basis. */
    public static void json(StoredStudy study, PrintWriter out) {
        List<ObjectiveView> views = ObjectiveView.of(study);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("study", study.name()).put("location", study.location()).put("finished", study.finished());
        doc.put("trials", study.trials().size())
                .put("failed", study.failedTrials().size());
        ArrayNode objectives = doc.putArray("objectives");
        views.forEach(v -> objectives
                .addObject()
                .put("name", v.name())
                .put("unit", v.objective().unit())
                .put("meaning", v.objective().meaning())
                .put("direction", "minimise"));
        ArrayNode front = doc.putArray("front");
        for (StoredTrial t : FrontTable.sortedFront(study)) {
            ObjectNode o = front.addObject();
            o.put("trial", t.number()).put("generation", t.generation()).put("family", t.family());
            ObjectNode genome = o.putObject("genome");
            t.genome().forEach(genome::put);
            o.put("description", t.description());
            ObjectNode values = o.putObject("objectives");
            for (ObjectiveView v : views) {
                values.putObject(v.name())
                        .put("value", v.value(t))
                        .put("unit", v.objective().unit())
                        .put("basis", v.basis(t))
                        .put("how", v.how(t));
            }
            o.put("lacoste_kg_co2e", t.outcome().metrics().lacosteKgCo2e());
            o.put("percent_mos", t.outcome().metrics().percentMos());
            o.put("energy_method", t.outcome().metrics().energyMethod());
        }
        try {
            out.println(JSON.writeValueAsString(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break. */
    static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? '"' + s.replace("\"", "\"\"") + '"'
                : s;
    }
}
