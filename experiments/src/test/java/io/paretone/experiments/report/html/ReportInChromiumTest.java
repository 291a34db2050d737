package io.paretone.experiments.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paretone.experiments.report.published.PublishedModels;
import io.paretone.search.store.RunFolderFixture;
import io.paretone.search.store.RunFolderReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser, through the script docs/reading-results.md names: it loads the page headless,
 * finds the front's points and the table, sees no console message, and saves a screenshot.
 * Skipped where Chromium is not installed.
 */
class ReportInChromiumTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "check-report");

    @TempDir
    Path dir;

    static boolean chromiumInstalled() {
        if (System.getenv("CHROMIUM") != null) {
            return Files.isExecutable(Path.of(System.getenv("CHROMIUM")));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(p -> Stream.of("chromium", "chromium-browser", "google-chrome")
                        .map(n -> Path.of(p, n)))
                .anyMatch(Files::isExecutable);
    }

    @Test
    void reportOpensInHeadlessChromiumWithItsFrontAndTable() throws IOException, InterruptedException {
        assumeTrue(chromiumInstalled(), "Chromium is not installed (apt-get install chromium): browser check skipped");
        RunFolderFixture f = RunFolderFixture.create(dir, "browser");
        f.complete(0, 1e-5, 2_000, 100_000_000, 0.9);
        f.complete(0, 1e-4, 20_000, 1_000_000_000, 0.3, "<script>document.title='injected'</script>");
        f.complete(1, 2e-4, 40_000, 2_000_000_000L, 0.6);
        f.failed(1, "</script><img src=x onerror=alert(1)>");
        f.finish();
        // Two trials saved samples, a WAV and a PNG: the page must embed a player and an image.
        Path samples = f.saveToneSample(1).getParent();
        java.awt.image.BufferedImage png =
                new java.awt.image.BufferedImage(28, 28, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        png.getRaster().setSample(14, 14, 0, 255);
        javax.imageio.ImageIO.write(
                png, "png", samples.resolve("trial-0003.png").toFile());
        Path report = HtmlReport.write(
                new RunFolderReader(f.path()).read(),
                PublishedModels.load(),
                f.path().resolve("report.html"),
                "now");
        Path screenshot = dir.resolve("report.png");

        Process p = new ProcessBuilder("bash", SCRIPT.toString(), report.toString(), screenshot.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the check finished");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("\"frontPoints\":2,\"frontSize\":2,\"tableRows\":4,\"trials\":4"), output);
        assertTrue(output.contains("\"samplePlayers\":1,\"sampleImages\":1,\"samples\":2"), output);
        assertTrue(Files.size(screenshot) > 20_000, "a screenshot of the page: " + Files.size(screenshot) + " bytes");
    }
}
