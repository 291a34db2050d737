package io.paretone.experiments.cli;

import io.paretone.experiments.config.ConfigReader;
import io.paretone.experiments.config.StudyConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paretone search}: a study from a YAML config and/or options. */
@Command(
        name = "search",
        modelTransformer = StudyOptions.Install.class,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run an architecture search. Keys of the YAML config are documented in docs/configuration.md;"
                + " options override them.")
public final class SearchCommand implements Callable<Integer>, StudyOptions.Command {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML study config.")
    Path config;

    final StudyOptions options = new StudyOptions();

    @Override
    public StudyOptions studyOptions() {
        return options;
    }

    @Override
    public Integer call() {
        StudyConfig c = config == null ? new StudyConfig() : ConfigReader.read(config);
        return StudyLauncher.run(c, options, config != null, spec.commandLine().getOut());
    }
}
