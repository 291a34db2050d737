package io.paretone.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The config of the tests' tiny searches: two-layer WaveNets on a dozen notes, two generations of four. */
final class TinyConfig {
    private TinyConfig() {}

    /**
     * Writes {@code dir/NAME.yaml}.
     *
     * @param extraKeys more top-level YAML lines, such as {@code objectives: [co2e, flops]}
     */
    static Path write(Path dir, String name, String... extraKeys) throws IOException {
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, "name: " + name + "\n" + String.join("\n", extraKeys) + "\n" + """
                population: 4
                generations: 2
                device: cpu
                dataset:
                  notes: 12
                  clip_seconds: 0.25
                quality:
                  clips: 2
                  clip_seconds: 0.1
                space:
                  layers: [2]
                  dilation_cycle: [1, 2]
                  residual_channels: [4, 8]
                  skip_channels: [8]
                  kernel_size: [2]
                  learning_rate: [0.003, 0.01]
                  training_steps: [40, 80]
                """);
        return config;
    }
}
