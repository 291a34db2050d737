package io.paretone.experiments.cli;

import io.paretone.experiments.report.html.HtmlReport;
import io.paretone.experiments.report.published.PublishedModels;
import io.paretone.search.store.StoredStudy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paretone report STUDY}: one self-contained HTML file about a stored study. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Write a self-contained HTML report of a study (opens offline): summary, interactive plots,"
                + " all trials, failures, published models and provenance.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyArgument study;

    @Option(
            names = "--to",
            paramLabel = "FILE",
            description = "The HTML file (default: report.html in the run folder).")
    Path to;

    @Override
    public Integer call() {
        StoredStudy s = study.reader().read();
        Path file = to != null ? to : StudyArgument.home(s).resolve("report.html");
        HtmlReport.write(s, PublishedModels.forStudy(s), file);
        spec.commandLine().getOut().println("Wrote " + file.toAbsolutePath());
        return ExitCode.OK.code();
    }
}
