package io.paretone.experiments.cli;

import picocli.CommandLine.Command;

/** The top-level {@code paretone} command; it only dispatches to subcommands. */
@Command(
        name = "paretone",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Multi-objective architecture search for audio generative models: quality against"
                + " training CO2e, parameters and FLOPs.",
        subcommands = {
            QuickstartCommand.class,
            SearchCommand.class,
            StudiesCommand.class,
            BenchCommand.class,
            PublishedCommand.class,
            FrontCommand.class,
            PlotsCommand.class,
            ReportCommand.class,
            SpacesCommand.class,
            DoctorCommand.class
        },
        synopsisSubcommandLabel = "COMMAND")
public final class ParetoneCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(),
                "a command is required: quickstart, search, studies, bench, spaces, front, plots, report, published or doctor");
    }
}
