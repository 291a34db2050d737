package io.paretone.experiments.report.plots;

import io.paretone.experiments.report.published.PublishedModels;
import io.paretone.search.store.StoredStudy;
import java.nio.file.Path;
import java.util.List;

/** Draws a study's plot files into a folder; {@link StudyPlots#write} is the one paretone uses. */
@FunctionalInterface
public interface PlotWriter {
    /** @return the files written */
    List<Path> write(StoredStudy study, PublishedModels published, Path dir);
}
