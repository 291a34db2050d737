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
import java.io.PrintWriter;

/** Runs a configured study with console progress and prints its front. */
final class StudyLauncher {
    private StudyLauncher() {}

    static int run(StudyConfig config, PrintWriter out) {
        StudySettings settings = StudyConfigMapper.toSettings(config);
        var dataset = DatasetFactory.create(config.dataset, settings.seed());
        out.printf("paretone: study '%s', %s family (%.0f genomes), population %d x %d generations, seed %d%n",
                settings.name(), settings.family().name(), settings.space().cardinality(), settings.populationSize(),
                settings.generations(), settings.seed());
        ConsoleProgress progress = new ConsoleProgress(
                out, System.console() != null, settings.populationSize() * settings.generations());
        StudyResult result = new Study(settings, dataset, QualityProxyFactory.judge(Study.cacheDir(settings))).run(progress);
        FrontTable.print(result, out);
        out.flush();
        return ExitCode.OK.code();
    }
}
