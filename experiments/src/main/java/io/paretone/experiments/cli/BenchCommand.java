package io.paretone.experiments.cli;

import io.paretone.experiments.bench.SearchBench;
import io.paretone.experiments.config.ConfigReader;
import io.paretone.experiments.config.StudyConfig;
import io.paretone.experiments.config.StudyConfigMapper;
import io.paretone.search.StudyAlgorithm;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paretone bench}: NSGA-II against random search, several seeds, one trial budget. */
@Command(
        name = "bench",
        modelTransformer = StudyOptions.Install.class,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {TrainingBenchCommand.class, GenerationBenchCommand.class},
        description =
                "Compare search algorithms on one space: several seeds each, the same trial budget, every"
                        + " candidate trained; prints hypervolume against trials and against CO2e spent. 'bench training' times the trainer against PyTorch eager instead; 'bench generation' times the autoregressive samplers.")
public final class BenchCommand implements Callable<Integer>, StudyOptions.Command {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML study config (default: the quickstart's).")
    Path config;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per algorithm (default 5).")
    int seeds = 5;

    @Option(
            names = "--trials",
            paramLabel = "N",
            description = "Trial budget of every run (default: population x generations of the config).")
    Integer trials;

    @Option(
            names = "--algorithms",
            paramLabel = "LIST",
            split = ",",
            completionCandidates = AlgorithmNames.class,
            description = "Algorithms to compare, comma-separated, among ${COMPLETION-CANDIDATES}"
                    + " (default ${DEFAULT-VALUE}).")
    List<String> algorithms = List.of(StudyAlgorithm.NSGA_II.id(), StudyAlgorithm.RANDOM.id());

    /** The algorithm names {@code --algorithms} lists in its help, from {@link StudyAlgorithm}. */
    static final class AlgorithmNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return StudyAlgorithm.names().iterator();
        }
    }

    final StudyOptions options = new StudyOptions();

    @Override
    public StudyOptions studyOptions() {
        return options;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StudyConfig c = config == null ? QuickstartCommand.builtInConfig() : ConfigReader.read(config);
        options.applyTo(c);
        var settings = StudyConfigMapper.toSettings(c);
        int budget = trials != null ? trials : settings.populationSize() * settings.generations();
        out.printf(
                "paretone bench: %s, %d seeds each from seed %d, %d trials per run, population %d, families %s%n",
                String.join(" vs ", algorithms),
                seeds,
                settings.seed(),
                budget,
                settings.populationSize(),
                String.join(", ", settings.families()));
        var runs = SearchBench.run(c, algorithms, seeds, budget, out);
        Path csv = settings.outputDir()
                .resolve(
                        "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv");
        SearchBench.report(runs, algorithms, budget, csv, out);
        return ExitCode.OK.code();
    }
}
