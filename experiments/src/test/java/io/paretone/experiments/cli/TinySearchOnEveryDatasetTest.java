package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretone.evaluators.audio.WavFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digits and wav-folder datasets plug into the search unchanged: one generation of two tiny
 * candidates each, from the command line, judged by a judge trained on that dataset.
 */
class TinySearchOnEveryDatasetTest {
    @TempDir
    Path dir;

    private static final String TINY_SEARCH = """
            population: 2
            generations: 1
            device: cpu
            quality:
              clips: 4
              clip_seconds: 0.1
            families: [wavenet]
            space:
              wavenet.layers: [2]
              wavenet.dilation_cycle: [1]
              wavenet.residual_channels: [4]
              wavenet.skip_channels: [8]
              wavenet.kernel_size: [2]
              learning_rate: [0.003, 0.01]
              training_steps: [40]
              batch_size: [8]
            """;

    /** What a search printed and the study.json it wrote. */
    private record Searched(CliRun run, JsonNode study) {}

    private Searched search(String name, String datasetYaml) throws IOException {
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, "name: " + name + "\n" + TINY_SEARCH + datasetYaml);
        CliRun run = CliRun.of(
                "search",
                "--config",
                config.toString(),
                "--output",
                dir.resolve("runs").toString());
        assertEquals(0, run.exitCode(), run.err() + run.out());
        Path folder;
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            folder = s.filter(p -> p.getFileName().toString().startsWith(name + "-"))
                    .findFirst()
                    .orElseThrow();
        }
        JsonNode study =
                new ObjectMapper().readTree(folder.resolve("study.json").toFile());
        assertTrue(study.get("quality_proxy_description").asText().contains("weights sha256"), study.toString());
        JsonNode trials = new ObjectMapper()
                .readTree(folder.resolve("trials.json").toFile())
                .get("trials");
        assertTrue(trials.size() >= 1);
        for (JsonNode t : trials) {
            assertEquals("COMPLETE", t.get("status").asText(), t.toString());
            assertEquals(3, t.get("metrics").get("quality").get("terms").size());
        }
        return new Searched(run, study);
    }

    @Test
    void aFolderOfWavFilesIsSearchedWithItsSkippedFileReported() throws IOException {
        Path sounds = dir.resolve("sounds");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 8; i++) {
            // Low hums and high whistles at 22.05 kHz, resampled to 16 kHz on the way in.
            double hz = (i % 2 == 0 ? 150 : 3000) * (1 + 0.1 * random.nextDouble());
            float[] x = new float[22_050 / 2];
            for (int n = 0; n < x.length; n++) {
                x[n] = (float) (0.4 * Math.sin(2 * Math.PI * hz * n / 22_050) + 0.01 * random.nextGaussian());
            }
            WavFiles.write(sounds.resolve((i % 2 == 0 ? "hum" : "whistle") + "/" + i + ".wav"), x, 22_050);
        }
        Files.writeString(sounds.resolve("hum/broken.wav"), "not audio");

        Searched searched =
                search("folder", "dataset:\n  kind: wav-folder\n  folder: " + sounds + "\n  clip_seconds: 0.25\n");
        assertEquals("wav-folder", searched.study().get("dataset").asText());
        assertEquals(16_000, searched.study().get("values_per_unit").asInt());
        assertEquals("audio", searched.study().get("domain").asText());
        assertTrue(
                searched.run().out().contains("Skipped 1 of 9 WAV files in " + sounds + ": hum/broken.wav ("),
                searched.run().out());
    }

    @Test
    void spokenDigitsAreSearched() throws IOException {
        boolean synthesiser = Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "espeak-ng")) || Files.isExecutable(Path.of(d, "flite")));
        assumeTrue(synthesiser, "neither espeak-ng nor flite is installed");
        Searched searched = search("digits", "dataset:\n  kind: digits\n  clips: 30\n  clip_seconds: 0.5\n");
        assertEquals("digits", searched.study().get("dataset").asText());
    }
}
