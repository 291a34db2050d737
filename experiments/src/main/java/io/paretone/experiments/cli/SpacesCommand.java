package io.paretone.experiments.cli;

import io.paretone.evaluators.families.PublishedCost;
import io.paretone.experiments.report.SpacesTable;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.families.ModelFamilies;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paretone spaces}: the model families, their genes and ranges, and their published configurations. */
@Command(
        name = "spaces",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "List the model families, their genes and ranges, and each published configuration with"
                + " our parameter count beside the published one.")
public final class SpacesCommand implements Callable<Integer> {
    /** The rate the published models generate at, for their FLOPs per second. */
    static final int PUBLISHED_SAMPLE_RATE = 16000;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--families",
            paramLabel = "NAMES",
            split = ",",
            description = "Only these families, comma-separated (default: all).")
    List<String> families;

    @Option(names = "--no-published", description = "Skip building the published configurations (faster).")
    boolean noPublished;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ModelFamily> chosen = families == null
                ? ModelFamilies.all()
                : families.stream().map(ModelFamilies::byName).toList();
        SpacesTable.printGenes(chosen, out);
        if (!noPublished) {
            List<PublishedCost> costs = chosen.stream()
                    .map(f -> PublishedCost.of(f, PUBLISHED_SAMPLE_RATE))
                    .toList();
            SpacesTable.printPublished(costs, PUBLISHED_SAMPLE_RATE, out);
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
