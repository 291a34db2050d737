package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole search through the command line: real data, real training in a worker process, two
 * generations of tiny models, a parameter limit that rejects the wider ones.
 */
class TinySearchTest {
    @TempDir
    Path dir;

    @Test
    void tinySearchTrainsCandidatesAndWritesTheFront() throws IOException {
        Path config = TinyConfig.write(
                dir,
                "tiny",
                java.util.List.of("wavenet", "vae"),
                "objectives: [co2e, parameters, flops, one_minus_pmos, latency]");
        CliRun run = CliRun.of(
                "search",
                "--config",
                config.toString(),
                "--output",
                dir.resolve("runs").toString(),
                "--max-parameters",
                "5000");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("generation 2/2"), run.out());
        assertTrue(run.out().contains("Pareto front:"), run.out());
        assertTrue(run.out().contains("hypervolume"), run.out());
        assertTrue(run.out().contains("Scheduling process:"), run.out());
        assertTrue(run.out().contains("minimising co2e, parameters, flops, one_minus_pmos, latency"), run.out());

        Path folder;
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            folder = s.filter(p -> p.getFileName().toString().startsWith("tiny-"))
                    .findFirst()
                    .orElseThrow();
        }
        List<String> csv = Files.readAllLines(folder.resolve("trials.csv"));
        JsonNode trials = new ObjectMapper()
                .readTree(folder.resolve("trials.json").toFile())
                .get("trials");
        assertEquals(csv.size() - 1, trials.size());
        assertTrue(trials.size() >= 3, "at least three distinct genomes evaluated: " + trials.size());
        assertEquals(
                java.util.Set.of("wavenet", "vae"),
                java.util.stream.StreamSupport.stream(trials.spliterator(), false)
                        .map(t -> t.get("family").asText())
                        .collect(java.util.stream.Collectors.toSet()),
                "both families searched");
        int trained = 0;
        for (JsonNode t : trials) {
            double parameters = t.get("objectives").get("parameters").asDouble();
            if (parameters > 5000) {
                assertEquals("FAILED", t.get("status").asText(), t.toString());
                assertTrue(t.get("failure").asText().startsWith("not trained"), t.toString());
                continue;
            }
            trained++;
            assertEquals("COMPLETE", t.get("status").asText(), t.toString());
            JsonNode m = t.get("metrics");
            assertTrue(m.get("final_loss").asDouble() < m.get("initial_loss").asDouble(), "loss went down: " + m);
            assertTrue(t.get("objectives").get("co2e").asDouble() > 0);
            assertTrue(t.get("objectives").get("parameters").asDouble() > 0);
            assertTrue(t.get("objectives").get("latency").asDouble() > 0, "measured real-time factor: " + t);
            assertTrue(
                    m.get("training_flops").asLong()
                            > m.get("forward_flops_per_training_example").asLong(),
                    m.toString());
            assertTrue(m.get("training_inference_ratio_units").asDouble() > 0, m.toString());
        }
        assertTrue(trained >= 1, "some candidates were within the limit");
        for (JsonNode t : trials) {
            if (!t.hasNonNull("metrics")) {
                continue; // rejected before training
            }
            JsonNode quality = t.get("metrics").get("quality");
            assertEquals(3, quality.get("terms").size(), quality.toString());
            assertEquals(
                    t.get("metrics").get("percent_mos").asDouble(),
                    quality.get("percent_mos").asDouble());
            boolean everyTermBelowNoise = java.util.stream.StreamSupport.stream(
                            quality.get("terms").spliterator(), false)
                    .filter(term -> term.get("informative").asBoolean())
                    .allMatch(term -> term.get("raw").asDouble() < 0);
            if (everyTermBelowNoise) {
                assertTrue(
                        t.get("objectives").get("one_minus_pmos").asDouble() > 1,
                        "worse than noise in every term, so beyond 1 - %MOS = 1 however bounded %MOS ties it: " + t);
            }
        }
        JsonNode front = new ObjectMapper()
                .readTree(folder.resolve("front.json").toFile())
                .get("front");
        assertTrue(front.size() >= 1);
        boolean frontBeyondNoise = true;
        for (JsonNode t : front) {
            assertTrue(t.get("objectives").get("parameters").asDouble() <= 5000, "the front respects the limit: " + t);
            frontBeyondNoise &= t.get("objectives").get("one_minus_pmos").asDouble() >= 1;
        }
        if (frontBeyondNoise) {
            assertTrue(
                    run.out().contains("beyond the reference point in one_minus_pmos"),
                    "a hypervolume of 0 says why: " + run.out());
        }
        assertTrue(Files.exists(dir.resolve("runs").resolve("paretone.db")), "the study is stored");
        List<String> hv = Files.readAllLines(folder.resolve("hypervolume.csv"));
        double searchHv = Double.parseDouble(hv.get(hv.size() - 1).split(",")[3]);
        var history = io.paretone.experiments.report.HypervolumeHistory.of(
                        new io.paretone.search.store.RunFolderReader(folder).read())
                .points();
        assertEquals(
                searchHv,
                history.get(history.size() - 1).hypervolume(),
                1e-5,
                "the report's hypervolume uses the bounds the search stored");
        assertTrue(Files.readString(folder.resolve("report.html")).contains("<tr id=\"trial-1\""), "the report");
        assertTrue(Files.size(folder.resolve("plots/pair-co2e-one_minus_pmos.png")) > 5_000, "the plots");

        // The whole search's energy: every candidate is charged, and the study's overhead is the rest.
        assertTrue(run.out().contains("Energy of this search"), run.out());
        JsonNode summary = new ObjectMapper()
                .readTree(folder.resolve("summary.json").toFile())
                .get("footprint");
        assertEquals(trials.size(), summary.get("candidates_charged").asInt());
        assertTrue(summary.get("total_kwh").asDouble() > 0);
        assertEquals(
                summary.get("total_joules").asDouble(),
                summary.get("candidates_joules").asDouble()
                        + summary.get("overhead_joules").asDouble(),
                1e-6);
        assertTrue(summary.get("overhead_joules").asDouble() > 0, summary.toString());
        // The scheduling process's CPU time: the start-up part and the search loop's part make up the total.
        JsonNode whole =
                new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
        double startup = whole.get("main_process_startup_cpu_seconds").asDouble();
        double loop = whole.get("main_process_cpu_seconds").asDouble();
        assertTrue(startup > 0, whole.toString());
        assertEquals(startup + loop, whole.get("main_process_total_cpu_seconds").asDouble(), 0.05, whole.toString());
        assertEquals(trials.size(), whole.get("main_process_trials").asInt(), "a fresh study: every trial ran here");
        assertEquals(
                loop / trials.size(),
                whole.get("main_process_cpu_seconds_per_trial").asDouble(),
                1e-9);
        for (JsonNode t : trials) {
            JsonNode m = t.get("metrics");
            if (m == null || m.isNull()) {
                continue;
            }
            assertTrue(m.get("generation_joules").asDouble() > 0, m.toString());
        }
    }
}
