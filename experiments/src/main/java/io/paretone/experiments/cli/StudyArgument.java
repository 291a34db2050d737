package io.paretone.experiments.cli;

import io.paretone.experiments.report.StudyLocator;
import io.paretone.search.StudySettings;
import io.paretone.search.store.StoredStudy;
import io.paretone.search.store.StudyReader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The STUDY argument of the report commands, and the folder to look for it in. */
public final class StudyArgument {
    @Parameters(
            index = "0",
            paramLabel = "STUDY",
            description = "A run folder, or a run folder's name or a study name (its latest run) under --output.")
    String study;

    @Option(names = "--output", paramLabel = "DIR", description = "Folder of run folders (default runs).")
    Path output = StudySettings.DEFAULT_OUTPUT_DIR;

    StudyReader reader() {
        return StudyLocator.locate(study, output);
    }

    /** Where reports of a study go unless told: its run folder, or the working folder for a study stored elsewhere. */
    static Path home(StoredStudy s) {
        Path location = Path.of(s.location());
        return Files.isDirectory(location) ? location : Path.of(".");
    }
}
