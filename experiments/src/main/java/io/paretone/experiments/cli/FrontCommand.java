package io.paretone.experiments.cli;

import io.paretone.experiments.report.FrontExport;
import io.paretone.experiments.report.FrontTable;
import io.paretone.search.store.StoredStudy;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paretone front STUDY}: the Pareto-optimal architectures of a stored study. */
@Command(
        name = "front",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Print the Pareto-optimal architectures of a study: genome, each objective with its unit,"
                + " measured or estimated.")
public final class FrontCommand implements Callable<Integer> {
    /** Output formats; the names are what the user types. */
    enum Format {
        table,
        csv,
        json
    }

    @Spec
    CommandSpec spec;

    @Mixin
    StudyArgument study;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), csv or json.")
    Format format = Format.table;

    @Override
    public Integer call() {
        StoredStudy s = study.reader().read();
        PrintWriter out = spec.commandLine().getOut();
        // A switch expression: a new Format that is not handled here does not compile.
        Runnable print =
                switch (format) {
                    case table -> () -> FrontTable.print(s, out);
                    case csv -> () -> FrontExport.csv(s, out);
                    case json -> () -> FrontExport.json(s, out);
                };
        print.run();
        return ExitCode.OK.code();
    }
}
