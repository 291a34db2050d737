package io.paretone.experiments.report.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.experiments.report.published.PublishedModels;
import io.paretone.search.store.RunFolderFixture;
import io.paretone.search.store.RunFolderReader;
import io.paretone.search.store.StoredStudy;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plots are read back: files, sizes, and the drawn points counted by their colour. */
class StudyPlotsTest {
    @TempDir
    static Path dir;

    static List<Path> files;

    @BeforeAll
    static void plot() {
        RunFolderFixture f = RunFolderFixture.create(dir, "plots");
        // Trials 1-3 are the front (each best somewhere); 4 is dominated by 2 and 5 by 3.
        f.complete(0, 1e-5, 2_000, 100_000_000, 0.9);
        f.complete(0, 1e-4, 20_000, 1_000_000_000, 0.3);
        f.complete(0, 1e-3, 200_000, 10_000_000_000L, 0.1);
        f.complete(1, 2e-4, 40_000, 2_000_000_000L, 0.6);
        f.complete(1, 2e-3, 400_000, 20_000_000_000L, 0.2);
        f.failed(1, "out of memory");
        f.finish();
        StoredStudy study = new RunFolderReader(f.path()).read();
        files = StudyPlots.write(study, PublishedModels.load(), dir.resolve("out"));
    }

    @Test
    void everyPairAndBothHypervolumeCurvesAreWrittenAsPngAndSvg() throws IOException {
        // 4 objectives: 6 pairs, plus 2 hypervolume plots, each as PNG and SVG
        assertEquals(16, files.size());
        for (Path p : files) {
            assertTrue(Files.size(p) > 5_000, p + " has " + Files.size(p) + " bytes");
        }
        BufferedImage png =
                ImageIO.read(dir.resolve("out/pair-co2e-one_minus_pmos.png").toFile());
        assertEquals(StudyPlots.WIDTH, png.getWidth());
        assertEquals(StudyPlots.HEIGHT, png.getHeight());
        assertTrue(Files.readString(dir.resolve("out/hypervolume-co2e.svg")).startsWith("<?xml"));
    }

    @Test
    void pngShowsEachFrontTrialAndPublishedModelAsOneMarker() throws IOException {
        BufferedImage png =
                ImageIO.read(dir.resolve("out/pair-co2e-one_minus_pmos.png").toFile());
        // one marker per point, plus the legend's marker of each series
        assertEquals(3 + 1, blobs(png, StudyPlots.FRONT), "front trials 1, 2, 3");
        assertEquals(2 + 1, blobs(png, StudyPlots.TRIALS), "dominated trials 4, 5");
        assertEquals(3 + 1, blobs(png, StudyPlots.PUBLISHED), "SING, WaveGAN, FloWaveNet have CO2e and MOS");
        BufferedImage flops =
                ImageIO.read(dir.resolve("out/pair-co2e-flops.png").toFile());
        assertEquals(0, blobs(flops, StudyPlots.PUBLISHED), "no published model reports FLOPs per second");
    }

    @Test
    void svgDrawsTheSamePointsWhereTheDataPutsThem() throws IOException {
        String svg = Files.readString(dir.resolve("out/pair-co2e-one_minus_pmos.svg"));
        List<double[]> front = ellipses(svg, StudyPlots.FRONT);
        assertEquals(3 + 1, front.size());
        assertEquals(3 + 1, count(svg, "<path[^>]*fill:" + Pattern.quote(rgb(StudyPlots.PUBLISHED))));
        // the legend marker sits lowest; of the data points, least CO2e (left) has the worst quality (top)
        front.sort(Comparator.comparingDouble(p -> p[1]));
        List<double[]> points = front.subList(0, 3);
        points.sort(Comparator.comparingDouble(p -> p[0]));
        assertTrue(
                points.get(0)[1] < points.get(1)[1] && points.get(1)[1] < points.get(2)[1],
                "trial 1 (1-%MOS 0.9) above trial 2 (0.3) above trial 3 (0.1)");
        assertTrue(svg.contains("<ellipse") && count(svg, "<ellipse") == 3 + 1 + 2 + 1, "front, trials and legends");
    }

    @Test
    void hypervolumeCurveHasOnePointPerTrial() throws IOException {
        String svg = Files.readString(dir.resolve("out/hypervolume-trials.svg"));
        assertEquals(6 + 1, ellipses(svg, StudyPlots.FRONT).size(), "six trials and the legend");
    }

    /** Connected regions of pixels of exactly this colour. */
    static int blobs(BufferedImage img, Color colour) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean[] seen = new boolean[w * h];
        int target = colour.getRGB() & 0xffffff;
        int count = 0;
        for (int start = 0; start < w * h; start++) {
            if (seen[start] || (img.getRGB(start % w, start / w) & 0xffffff) != target) {
                continue;
            }
            count++;
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            seen[start] = true;
            while (!queue.isEmpty()) {
                int p = queue.poll();
                int x = p % w;
                int y = p / w;
                int[][] next = {{x + 1, y}, {x - 1, y}, {x, y + 1}, {x, y - 1}};
                for (int[] n : next) {
                    if (n[0] >= 0 && n[0] < w && n[1] >= 0 && n[1] < h) {
                        int q = n[1] * w + n[0];
                        if (!seen[q] && (img.getRGB(n[0], n[1]) & 0xffffff) == target) {
                            seen[q] = true;
                            queue.add(q);
                        }
                    }
                }
            }
        }
        return count;
    }

    private static List<double[]> ellipses(String svg, Color colour) {
        Matcher m = Pattern.compile(
                        "<ellipse cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"[^>]*fill:" + Pattern.quote(rgb(colour)))
                .matcher(svg);
        List<double[]> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return out;
    }

    private static int count(String s, String regex) {
        return (int) Pattern.compile(regex).matcher(s).results().count();
    }

    private static String rgb(Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }
}
