package io.paretone.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The config of the tests' tiny searches: two-layer WaveNets (and tiny VAEs when asked) on a dozen
 * notes, two generations of four.
 */
final class TinyConfig {
    private TinyConfig() {}

    /**
     * Writes {@code dir/NAME.yaml}.
     *
     * @param families {@code wavenet}, and {@code vae} if wanted
     * @param extraKeys more top-level YAML lines, such as {@code objectives: [co2e, flops]}
     */
    static Path write(Path dir, String name, List<String> families, String... extraKeys) throws IOException {
        StringBuilder yaml = new StringBuilder("name: " + name + "\n");
        for (String k : extraKeys) {
            yaml.append(k).append('\n');
        }
        yaml.append("""
                population: 4
                generations: 2
                device: cpu
                dataset:
                  notes: 12
                  clip_seconds: 0.25
                quality:
                  clips: 2
                  clip_seconds: 0.1
                """);
        yaml.append("families: [").append(String.join(", ", families)).append("]\n");
        yaml.append("""
                space:
                  learning_rate: [0.003]
                  training_steps: [40, 80]
                  batch_size: [8]
                """);
        if (families.contains("wavenet")) {
            yaml.append("""
                      wavenet.layers: [2]
                      wavenet.dilation_cycle: [1, 2]
                      wavenet.residual_channels: [4, 8]
                      wavenet.skip_channels: [8]
                      wavenet.kernel_size: [2]
                    """);
        }
        if (families.contains("vae")) {
            yaml.append("""
                      vae.layers: [3]
                      vae.channels: [8]
                      vae.kernel_size: [5]
                      vae.latent: [4]
                      vae.kl_weight: [0.01]
                    """);
        }
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, yaml.toString());
        return config;
    }
}
