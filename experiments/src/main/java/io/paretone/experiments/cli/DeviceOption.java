package io.paretone.experiments.cli;

import ai.djl.Device;
import io.paretone.spaces.runtime.DjlRuntime;
import picocli.CommandLine.Option;

/** The {@code --device} option of the bench commands, declared once (a picocli mixin). */
final class DeviceOption {
    @Option(
            names = "--device",
            paramLabel = "DEV",
            description = "auto (a GPU if DJL sees one), cpu, gpu or gpu:N" + " (default ${DEFAULT-VALUE}).")
    String device = "auto";

    Device device() {
        return DjlRuntime.device(device);
    }
}
