package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same search on images, from the command line with {@code --domain image}: rendered digits,
 * tiny convolutional VAEs and DCGANs trained in a worker, judged by the image judge, a front and a
 * report whose units are per image.
 */
class TinyImageSearchTest {
    @TempDir
    Path dir;

    @Test
    void anImageSearchTrainsCandidatesAndReportsPerImage() throws IOException {
        Path config = dir.resolve("digits.yaml");
        Files.writeString(config, """
                name: digits
                population: 2
                generations: 2
                device: cpu
                objectives: [co2e, parameters, flops, one_minus_pmos, latency]
                dataset:
                  train_per_class: 12
                  held_out_per_class: 4
                quality:
                  clips: 8
                families: [convvae, dcgan]
                space:
                  training_steps: [20]
                  batch_size: [8]
                  learning_rate: [0.001, 0.003]
                  convvae.channels: [4]
                  convvae.kernel_size: [3]
                  convvae.latent: [4]
                  convvae.kl_weight: [0.01]
                  dcgan.latent: [8]
                  dcgan.generator_channels: [8]
                  dcgan.discriminator_channels: [4]
                  dcgan.kernel_size: [3]
                  dcgan.critic_updates: [1]
                """);
        CliRun run = CliRun.of(
                "search",
                "--domain",
                "image",
                "--config",
                config.toString(),
                "--output",
                dir.resolve("runs").toString());
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("image families dcgan, convvae"), run.out());
        assertTrue(run.out().contains("Pareto front:"), run.out());
        assertTrue(run.out().contains("FLOPs/img"), run.out());

        Path folder;
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            folder = s.filter(p -> p.getFileName().toString().startsWith("digits-"))
                    .findFirst()
                    .orElseThrow();
        }
        JsonNode study =
                new ObjectMapper().readTree(folder.resolve("study.json").toFile());
        assertEquals("image", study.get("domain").asText());
        assertEquals("digits-rendered", study.get("dataset").asText());
        assertEquals(28 * 28, study.get("values_per_unit").asInt());
        JsonNode trials = new ObjectMapper()
                .readTree(folder.resolve("trials.json").toFile())
                .get("trials");
        assertTrue(trials.size() >= 2, trials.toString());
        for (JsonNode t : trials) {
            assertEquals("COMPLETE", t.get("status").asText(), t.toString());
            JsonNode m = t.get("metrics");
            List<String> terms = new ArrayList<>();
            m.get("quality")
                    .get("terms")
                    .forEach(term -> terms.add(term.get("name").asText()));
            assertEquals(
                    List.of(
                            "embedding_frechet",
                            "class_score",
                            "class_typicality",
                            "first_layer_frechet",
                            "class_balance"),
                    terms,
                    "the image judge's five terms: " + m);
            // Seconds per image from the timed window of 8 images.
            assertTrue(m.get("seconds_per_unit").asDouble() > 0, m.toString());
            assertEquals(
                    m.get("seconds_per_unit").asDouble(),
                    t.get("objectives").get("latency").asDouble(),
                    1e-12);
            assertTrue(
                    Files.isRegularFile(folder.resolve("samples")
                            .resolve(String.format(
                                    "trial-%04d.png", t.get("trial").asInt()))),
                    "a PNG per trial");
        }
        JsonNode front =
                new ObjectMapper().readTree(folder.resolve("front.json").toFile());
        assertTrue(front.get("front").size() >= 1);
        assertEquals(
                "FLOPs per image", front.get("objectives").get(2).get("unit").asText(), front.toString());
        String report = Files.readString(folder.resolve("report.html"));
        assertTrue(report.contains("FLOPs per generated image"), "the report's axes are per image");
        assertTrue(!report.contains("second of audio"), "no audio units in an image report");
    }
}
