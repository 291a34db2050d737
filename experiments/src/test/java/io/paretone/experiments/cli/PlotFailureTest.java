package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.store.RunFolderFixture;
import io.paretone.search.store.RunFolderReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished study survives plots that cannot be drawn: on a headless server without fonts or
 * libharfbuzz, Java2D text throws an {@link UnsatisfiedLinkError}, which is what the injected plot
 * writer throws here, at the step of {@link StudyLauncher} that follows every search.
 */
class PlotFailureTest {
    @TempDir
    Path runs;

    @Test
    void plotsThatCannotBeDrawnLeaveOneWarningAndEverythingElse() throws IOException {
        RunFolderFixture f = RunFolderFixture.create(runs, "noplots");
        f.complete(0, 1e-5, 2_000, 100_000_000, 0.9);
        f.complete(0, 1e-4, 20_000, 1_000_000_000, 0.3);
        f.finish();
        Map<String, Long> before = sizes(f.path());
        StringWriter printed = new StringWriter();

        int code = StudyLauncher.writeReports(
                new RunFolderReader(f.path()).read(),
                f.path(),
                new PrintWriter(printed, true),
                (study, published, dir) -> {
                    throw new UnsatisfiedLinkError(
                            "libfontmanager.so: libharfbuzz.so.0: cannot open shared object file");
                });

        String out = printed.toString();
        assertEquals(ExitCode.OK.code(), code, out);
        List<String> warnings =
                out.lines().filter(l -> l.startsWith("Warning:")).toList();
        assertEquals(1, warnings.size(), out);
        assertTrue(
                warnings.get(0).contains("plots not drawn") && warnings.get(0).contains("libharfbuzz"), out);
        assertTrue(out.contains("Report: " + f.path().resolve("report.html")), out);
        String report = Files.readString(f.path().resolve("report.html"));
        assertTrue(report.contains("<svg"), "the report draws its charts in the page");
        assertTrue(report.contains("<tr id=\"trial-2\""), "both trials in the report");
        assertFalse(Files.exists(f.path().resolve("plots")), "the failing writer wrote no plot");
        for (Map.Entry<String, Long> file : before.entrySet()) {
            assertEquals(file.getValue(), Files.size(f.path().resolve(file.getKey())), file.getKey() + " kept");
        }
    }

    private static Map<String, Long> sizes(Path folder) throws IOException {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (var files = Files.list(folder)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(p.getFileName().toString(), Files.size(p));
            }
        }
        assertTrue(out.keySet().containsAll(List.of("trials.csv", "trials.json", "front.json")), out.toString());
        return out;
    }
}
