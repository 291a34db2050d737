package io.paretone.experiments.report;

import io.paretone.search.store.RunFolderReader;
import io.paretone.search.store.StudyReader;
import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the study that a command line names: a run folder's path, a run folder's name under the
 * output folder, or a study name, meaning its latest run there.
 */
public final class StudyLocator {
    /** name-yyyyMMdd-HHmmss, with -N when two runs started in the same second (see RunFolder.create). */
    private static final Pattern RUN = Pattern.compile("(.+)-(\\d{8}-\\d{6})(?:-(\\d+))?");

    private StudyLocator() {}

    /** @throws InvalidValueException if nothing matches, listing the run folders that exist */
    public static StudyReader locate(String study, Path outputDir) {
        return new RunFolderReader(folder(study, outputDir));
    }

    static Path folder(String study, Path outputDir) {
        Path asGiven = Path.of(study);
        if (RunFolderReader.isRunFolder(asGiven)) {
            return asGiven;
        }
        Path underOutput = outputDir.resolve(study);
        if (RunFolderReader.isRunFolder(underOutput)) {
            return underOutput;
        }
        List<Path> runs = runFolders(outputDir);
        Optional<Path> latest = runs.stream()
                .filter(p -> nameOf(p).filter(study::equals).isPresent())
                .max(Comparator.comparing(StudyLocator::stamp));
        if (latest.isPresent()) {
            return latest.get();
        }
        String known = runs.isEmpty()
                ? "there are no run folders in " + outputDir
                : "run folders in " + outputDir + ": "
                        + String.join(
                                ", ",
                                runs.stream()
                                        .map(p -> p.getFileName().toString())
                                        .sorted()
                                        .limit(12)
                                        .toList())
                        + (runs.size() > 12 ? ", ..." : "");
        throw new InvalidValueException(
                "STUDY",
                study,
                "not a run folder, nor a run or study name under " + outputDir
                        + "; give a run folder's path, or --output for another folder (" + known + ")");
    }

    private static List<Path> runFolders(Path outputDir) {
        if (!Files.isDirectory(outputDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(outputDir)) {
            return s.filter(RunFolderReader::isRunFolder).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + outputDir, e);
        }
    }

    private static Optional<String> nameOf(Path run) {
        Matcher m = RUN.matcher(run.getFileName().toString());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Start time, then the same-second counter, as one sortable key. */
    private static String stamp(Path run) {
        Matcher m = RUN.matcher(run.getFileName().toString());
        m.matches();
        return m.group(2) + String.format("-%06d", m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
    }
}
