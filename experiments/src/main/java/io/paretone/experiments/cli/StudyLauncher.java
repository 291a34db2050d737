package io.paretone.experiments.cli;

import io.paretone.experiments.config.DatasetFactory;
import io.paretone.experiments.config.QualityProxyFactory;
import io.paretone.experiments.config.StudyConfig;
import io.paretone.experiments.config.StudyConfigMapper;
import io.paretone.experiments.report.ConsoleProgress;
import io.paretone.experiments.report.FrontTable;
import io.paretone.search.Study;
import io.paretone.search.StudyResult;
import io.paretone.search.StudySettings;
import io.paretone.search.store.RunFolderReader;
import io.paretone.experiments.report.html.HtmlReport;
import io.paretone.experiments.report.plots.StudyPlots;
import io.paretone.experiments.report.published.PublishedModels;
import io.paretone.search.store.StoredStudy;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a configured study with console progress, prints its front and writes its report and plots. */
final class StudyLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(StudyLauncher.class);

    private StudyLauncher() {}

    static int run(StudyConfig config, PrintWriter out) {
        StudySettings settings = StudyConfigMapper.toSettings(config);
        var dataset = DatasetFactory.create(config.dataset, settings.seed());
        out.printf("paretone: study '%s', families %s (%.3g genomes), population %d x %d generations, seed %d%n",
                settings.name(), String.join(", ", settings.families()), settings.space().cardinality(), settings.populationSize(),
                settings.generations(), settings.seed());
        ConsoleProgress progress = new ConsoleProgress(
                out, System.console() != null, settings.populationSize() * settings.generations());
        StudyResult result = new Study(settings, dataset, QualityProxyFactory.judge(Study.cacheDir(settings))).run(progress);
        StoredStudy stored = new RunFolderReader(result.folder()).read();
        FrontTable.print(stored, out);
        writeReports(stored, result.folder(), out);
        out.flush();
        return ExitCode.OK.code();
    }

    /** The results are saved already: a report that cannot be written is a warning, not a failed search. */
    private static void writeReports(StoredStudy stored, Path folder, PrintWriter out) {
        try {
            PublishedModels published = PublishedModels.load();
            Path report = HtmlReport.write(stored, published, folder.resolve("report.html"));
            StudyPlots.write(stored, published, folder.resolve("plots"));
            out.println("Report: " + report + " (open it in a browser); plots: " + folder.resolve("plots"));
        } catch (RuntimeException e) {
            LOG.warn("could not write the report of {}", folder, e);
            out.println("Could not write the report (" + e.getMessage() + "); the results are saved: try 'paretone report "
                    + folder + "'");
        }
    }
}
