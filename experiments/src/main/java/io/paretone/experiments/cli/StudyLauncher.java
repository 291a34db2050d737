package io.paretone.experiments.cli;

import io.paretone.experiments.config.ConfigReader;
import io.paretone.experiments.config.DatasetFactory;
import io.paretone.experiments.config.StudyConfig;
import io.paretone.experiments.config.StudyConfigMapper;
import io.paretone.experiments.report.ConsoleProgress;
import io.paretone.experiments.report.FrontTable;
import io.paretone.experiments.report.SearchSummary;
import io.paretone.experiments.report.html.HtmlReport;
import io.paretone.experiments.report.plots.PlotWriter;
import io.paretone.experiments.report.plots.StudyPlots;
import io.paretone.experiments.report.published.PublishedModels;
import io.paretone.search.Study;
import io.paretone.search.StudyResult;
import io.paretone.search.StudySettings;
import io.paretone.search.store.RunFolderReader;
import io.paretone.search.store.SqliteTrialStore;
import io.paretone.search.store.StoredStudy;
import io.paretone.search.store.StudyRecord;
import io.paretone.spaces.runtime.DjlRuntime;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a configured study with console progress, prints its front and writes its report and plots. */
final class StudyLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(StudyLauncher.class);

    private StudyLauncher() {}

    /**
     * @param base the config read from a file, or the built-in one
     * @param configGiven true when the user gave the config; false lets {@code --study} of an
     *     existing study take the config stored with it
     */
    static int run(StudyConfig base, StudyOptions options, boolean configGiven, PrintWriter out) {
        return run(base, options, configGiven, out, StudyPlots::write);
    }

    /** As {@link #run(StudyConfig, StudyOptions, boolean, PrintWriter)}, drawing the plots with {@code plots}. */
    static int run(StudyConfig base, StudyOptions options, boolean configGiven, PrintWriter out, PlotWriter plots) {
        StudyConfig config = resolve(base, options, configGiven, out);
        if (Boolean.TRUE.equals(config.allowDownload)) {
            DjlRuntime.allowDownloads(); // before the workers start: they inherit it
        }
        StudySettings settings = StudyConfigMapper.toSettings(config);
        StudyResult result = launch(config, settings, out);
        StoredStudy stored = new RunFolderReader(result.folder()).read();
        FrontTable.print(stored, out);
        SearchSummary.print(result, out);
        return writeReports(stored, result.folder(), out, plots);
    }

    /** Runs one study from its config and settings, with console progress. */
    static StudyResult launch(StudyConfig config, StudySettings settings, PrintWriter out) {
        var dataset = DatasetFactory.create(config.dataset, StudyConfigMapper.domain(config), settings.seed());
        out.printf(
                "paretone: study '%s', %s families %s (%.3g genomes), %s, population %d x %d generations, seed %d,"
                        + " %s worker(s)%n",
                settings.study() == null ? settings.name() : settings.study(),
                StudyConfigMapper.domain(config),
                String.join(", ", settings.families()),
                settings.space().cardinality(),
                settings.algorithm(),
                settings.populationSize(),
                settings.generations(),
                settings.seed(),
                settings.workers().count() == StudySettings.Workers.AUTO
                        ? "auto"
                        : Integer.toString(settings.workers().count()));
        int planned = settings.populationSize() * settings.generations();
        if (settings.budget().maxTrials() > 0) {
            planned = Math.min(planned, settings.budget().maxTrials());
        }
        ConsoleProgress progress = new ConsoleProgress(
                out,
                System.console() != null,
                planned,
                settings.workers().count() != 1,
                StudyConfigMapper.domain(config));
        return new Study(settings, dataset, ConfigReader.toJson(config)).run(progress);
    }

    /** The config to run: with {@code --study} naming a stored study and no config given, the stored one. */
    private static StudyConfig resolve(StudyConfig base, StudyOptions options, boolean configGiven, PrintWriter out) {
        options.applyTo(base);
        if (options.study() == null || configGiven) {
            return base;
        }
        Path storage = StudyConfigMapper.toSettings(base).storageFile();
        if (!Files.exists(storage)) {
            return base;
        }
        Optional<StudyRecord> stored;
        try (SqliteTrialStore store = SqliteTrialStore.open(storage)) {
            stored = store.findStudy(options.study());
        }
        if (stored.isEmpty() || stored.get().definition().launchJson() == null) {
            return base;
        }
        out.printf("paretone: resuming study '%s' with its stored settings (from %s)%n", options.study(), storage);
        StudyConfig config = ConfigReader.fromJson(stored.get().definition().launchJson(), "study " + options.study());
        options.applyTo(config);
        return config;
    }

    /**
     * The last step of a finished study. Its results are saved already: a report or plots that
     * cannot be written are a warning line each, never a failed search, so the exit code is OK. Plots draw text with Java2D, which throws errors, not exceptions,
     * on servers without fonts or libharfbuzz; the report's charts are SVG text and need neither.
     */
    static int writeReports(StoredStudy stored, Path folder, PrintWriter out, PlotWriter plots) {
        PublishedModels published = PublishedModels.forStudy(stored);
        try {
            Path report = HtmlReport.write(stored, published, folder.resolve("report.html"));
            out.println("Report: " + report + " (open it in a browser)");
        } catch (RuntimeException e) {
            LOG.warn("could not write the report of {}", folder, e);
            out.println("Warning: could not write the report (" + e.getMessage() + "); the results are saved: try"
                    + " 'paretone report " + folder + "'");
        }
        try {
            plots.write(stored, published, folder.resolve("plots"));
            out.println("Plots: " + folder.resolve("plots"));
        } catch (RuntimeException | LinkageError | InternalError | java.awt.AWTError e) {
            // StudyPlots turns Java2D's errors into an exception with the fix; another writer may not.
            LOG.warn("could not draw the plots of {}", folder, e);
            out.println("Warning: plots not drawn (" + e.getMessage() + "); the report's charts do not need them");
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
