package io.paretone.experiments.cli;

import io.paretone.experiments.config.ConfigReader;
import io.paretone.experiments.config.StudyConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code paretone quickstart}: a small search with the built-in config ({@code quickstart.yaml}
 * in the jar): tiny WaveNets, WaveGANs and VAEs on synthesised notes, a few minutes on a laptop CPU.
 */
@Command(
        name = "quickstart",
        modelTransformer = StudyOptions.Install.class,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run a small search with built-in defaults (a few minutes on a CPU).")
public final class QuickstartCommand implements Callable<Integer>, StudyOptions.Command {
    static final String CONFIG = "/io/paretone/experiments/quickstart.yaml";

    @Spec
    CommandSpec spec;

    final StudyOptions options = new StudyOptions();

    @Override
    public StudyOptions studyOptions() {
        return options;
    }

    @Override
    public Integer call() {
        return StudyLauncher.run(
                builtInConfig(), options, false, spec.commandLine().getOut());
    }

    static StudyConfig builtInConfig() {
        try (InputStream in = QuickstartCommand.class.getResourceAsStream(CONFIG)) {
            if (in == null) {
                throw new IllegalStateException("the built-in config " + CONFIG + " is missing from the build");
            }
            return ConfigReader.read(in, "the built-in quickstart config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
