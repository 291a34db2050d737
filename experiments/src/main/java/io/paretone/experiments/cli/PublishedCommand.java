package io.paretone.experiments.cli;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.experiments.report.PublishedTable;
import io.paretone.experiments.report.published.PublishedModels;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paretone published}: the shipped table of published audio models, with their CO2e and fronts. */
@Command(
        name = "published",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Show published audio models (trained elsewhere, at full scale): training CO2e, 1 - %%MOS,"
                + " and which are Pareto-optimal; with sources.")
public final class PublishedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--carbon-intensity",
            paramLabel = "KG_PER_KWH",
            description = "alpha of the CO2e estimate (default 0.437, the 2018 world average).")
    Double carbonIntensity;

    @Override
    public Integer call() {
        CarbonAccounting carbon =
                carbonIntensity == null ? CarbonAccounting.worldAverage() : new CarbonAccounting(carbonIntensity, 1.0);
        PublishedTable.print(PublishedModels.load(), carbon, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
