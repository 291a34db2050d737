package io.paretone.experiments.cli;

import io.paretone.experiments.bench.GenerationBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paretone bench generation}: samples per second of the autoregressive audio samplers. */
@Command(
        name = "generation",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Time the WaveNet and SampleRNN samplers (samples per second, all clips of a call in one"
                + " batch, as a candidate's evaluation generates them) on freshly initialised weights.")
public final class GenerationBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DeviceOption device;

    @Option(
            names = "--clips",
            paramLabel = "N",
            description = "Clips per call (default ${DEFAULT-VALUE}, the quickstart's).")
    int clips = 32;

    @Option(
            names = "--samples",
            paramLabel = "N",
            description = "Samples per clip (default ${DEFAULT-VALUE}: the quickstart's 0.25 s at 16 kHz).")
    int samples = 4000;

    @Option(
            names = "--only",
            paramLabel = "TEXT",
            description =
                    "Only the genomes whose row contains TEXT" + " (for example \"small\" or \"large samplernn\").")
    String only = "";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of weights and draws (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        var settings = new GenerationBench.Settings(device.device(), clips, samples, only, seed);
        GenerationBench.run(settings, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
