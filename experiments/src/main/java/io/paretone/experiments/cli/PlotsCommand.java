package io.paretone.experiments.cli;

import io.paretone.experiments.report.plots.StudyPlots;
import io.paretone.experiments.report.published.PublishedModels;
import io.paretone.search.store.StoredStudy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paretone plots STUDY}: PNG and SVG plots of a stored study. */
@Command(
        name = "plots",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Write PNG and SVG plots of a study: each pair of objectives with the front and published"
                + " models, and the front's hypervolume against candidates and against CO2e spent.")
public final class PlotsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyArgument study;

    @Option(
            names = "--to",
            paramLabel = "DIR",
            description = "Folder for the plots (default: plots/ in the run folder).")
    Path to;

    @Override
    public Integer call() {
        StoredStudy s = study.reader().read();
        Path dir = to != null ? to : StudyArgument.home(s).resolve("plots");
        List<Path> files = StudyPlots.write(s, PublishedModels.forStudy(s), dir);
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                files.isEmpty()
                        ? "No completed trial in " + s.location() + ": nothing to plot."
                        : "Wrote " + files.size() + " files (PNG and SVG) in " + dir);
        return ExitCode.OK.code();
    }
}
