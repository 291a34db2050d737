package io.paretone.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretone.evaluators.data.DataSplits;
import io.paretone.search.pareto.ObjectiveBounds;
import io.paretone.search.store.StudyRecord;
import io.paretone.search.trial.SearchJson;
import io.paretone.search.worker.WorkerSetup;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.genome.Gene;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What defines a study: a resumed run must match it. Budgets, workers and devices may change
 * between runs; the space, seed, data, objectives, constraints and accounting may not, or the
 * stored trials would not be comparable with new ones.
 */
final class StudyIdentity {
    private StudyIdentity() {}

    /** The identity of a study with these settings on these data, as stored with the study. */
    static ObjectNode of(
            StudySettings settings, DataSplits data, int clipSamples, List<String> objectives, ObjectiveBounds bounds) {
        ObjectNode s = SearchJson.MAPPER.createObjectNode();
        s.set("families", SearchJson.MAPPER.valueToTree(settings.families()));
        s.put("seed", settings.seed());
        s.put("algorithm", settings.algorithm()).put("population", settings.populationSize());
        ObjectNode space = s.putObject("space");
        for (Gene g : settings.space().genes()) {
            space.put(g.name(), g.allowedValues());
        }
        s.put("objectives", String.join(",", objectives));
        s.set("hypervolume_bounds", SearchJson.MAPPER.valueToTree(bounds.asMap()));
        s.set("constraints", SearchJson.MAPPER.valueToTree(settings.constraints()));
        s.put("domain", data.domain().id()).put("generated_unit", data.domain().unit());
        s.put("dataset", data.datasetName())
                .put("dataset_hash", data.contentHash())
                .put("data_layout", data.layout())
                .put("values_per_unit", data.valuesPerUnit());
        s.put("quality_proxy", settings.qualityProxy())
                .put("quality_clips", settings.qualityClips())
                .put("quality_clip_samples", clipSamples);
        s.put("carbon_intensity_kg_per_kwh", settings.carbon().kgPerKwh())
                .put("pue", settings.carbon().pue());
        s.set(
                "energy_settings",
                SearchJson.MAPPER.valueToTree(WorkerSetup.Energy.of(settings.energy(), settings.carbon())));
        return s;
    }

    /**
     * @throws InvalidValueException when the stored study was defined otherwise, naming each difference
     */
    static void checkSame(StudyRecord stored, ObjectNode identity) {
        JsonNode before = SearchJson.read(stored.definition().settingsJson(), JsonNode.class);
        // Through text, as the stored one went: 42 read back is an int node, equal only to an int node.
        JsonNode now = SearchJson.read(SearchJson.write(identity), JsonNode.class);
        List<String> differences = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = now.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = before.get(e.getKey());
            if (!e.getValue().equals(old)) {
                differences.add(
                        e.getKey() + " " + (old == null ? "unset" : old) + " (stored) vs " + e.getValue() + " (now)");
            }
        }
        if (!differences.isEmpty()) {
            throw new InvalidValueException(
                    "study",
                    stored.name(),
                    "exists with other settings: " + String.join("; ", differences)
                            + ". Resume it with its own settings, or name a new study");
        }
    }
}
