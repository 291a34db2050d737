package io.paretone.experiments.report.plots;

import io.paretone.experiments.report.HypervolumeHistory;
import io.paretone.experiments.report.ObjectiveView;
import io.paretone.experiments.report.PublishedPoints;
import io.paretone.experiments.report.published.PublishedModels;
import io.paretone.search.store.StoredStudy;
import io.paretone.search.store.StoredTrial;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A study's plots, each written as PNG and SVG: every pair of objectives (all trials, the front
 * highlighted, published models overlaid and labelled as trained elsewhere at full scale), and the
 * front's hypervolume against trained candidates and against training CO2e spent.
 */
public final class StudyPlots {
    /** Series colours; tests find the drawn points by them. */
    public static final Color TRIALS = new Color(0x93, 0xa1, 0xad);

    public static final Color FRONT = new Color(0x1f, 0x60, 0xc4);
    public static final Color PUBLISHED = new Color(0xd6, 0x27, 0x28);
    public static final String PUBLISHED_LABEL = "published models (trained elsewhere at full scale)";
    /** What to do when Java2D cannot draw text, as on headless servers without fonts or libharfbuzz. */
    public static final String NO_TEXT_HINT =
            "Java cannot draw text here: install fonts and libharfbuzz (Debian: fonts-dejavu-core libharfbuzz0b)";

    static final int WIDTH = 900;
    static final int HEIGHT = 640;

    private StudyPlots() {}

    /**
     * Writes every plot into {@code dir} (created if needed).
     *
     * @return the files written, PNG and SVG of each plot; none when no trial completed
     * @throws IllegalStateException if Java2D cannot draw here (no fonts, no graphics libraries), with
     *     what to install
     */
    public static List<Path> write(StoredStudy study, PublishedModels published, Path dir) {
        List<StoredTrial> complete = study.completeTrials();
        List<Path> written = new ArrayList<>();
        if (complete.isEmpty()) {
            return written;
        }
        try {
            Files.createDirectories(dir);
            List<ObjectiveView> views = ObjectiveView.of(study);
            for (int i = 0; i < views.size(); i++) {
                for (int j = i + 1; j < views.size(); j++) {
                    XYChart chart = pairChart(study, published, views.get(i), views.get(j));
                    written.addAll(save(
                            chart,
                            dir,
                            "pair-" + views.get(i).name() + "-" + views.get(j).name()));
                }
            }
            HypervolumeHistory history = HypervolumeHistory.of(study);
            written.addAll(save(
                    hypervolumeChart(study, history, "trained candidates", p -> p.trials()),
                    dir,
                    "hypervolume-trials"));
            written.addAll(save(
                    hypervolumeChart(study, history, "training CO2e spent [kgCO2e]", p -> p.kgCo2eSpent()),
                    dir,
                    "hypervolume-co2e"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write plots in " + dir + ": " + e.getMessage(), e);
        } catch (LinkageError | InternalError | java.awt.AWTError e) {
            // Java2D's font and graphics libraries fail with errors, not exceptions.
            throw new IllegalStateException("could not draw plots (" + e + "); " + NO_TEXT_HINT, e);
        }
        return written;
    }

    /** Scatter of one pair: all feasible trials, the study's front, and published models where they have both figures. */
    static XYChart pairChart(StoredStudy study, PublishedModels published, ObjectiveView x, ObjectiveView y) {
        List<StoredTrial> front = study.front();
        List<StoredTrial> others =
                study.completeTrials().stream().filter(t -> !front.contains(t)).toList();
        List<PublishedPoints.Point> pub = PublishedPoints.on(published, x, y, study.carbonKgPerKwh());

        XYChart chart = baseChart(study.name() + ": " + y.label() + " against " + x.label(), x.title(), y.title());
        chart.getStyler().setXAxisLogarithmic(x.logScale() && allPositive(study.completeTrials(), pub, x, true));
        chart.getStyler().setYAxisLogarithmic(y.logScale() && allPositive(study.completeTrials(), pub, y, false));
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        if (!others.isEmpty()) {
            XYSeries s = chart.addSeries("other trials (" + others.size() + ")", shown(others, x), shown(others, y));
            s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(TRIALS);
        }
        if (!front.isEmpty()) {
            XYSeries s = chart.addSeries(
                    "Pareto front, all objectives (" + front.size() + ")", shown(front, x), shown(front, y));
            s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(FRONT);
        }
        if (!pub.isEmpty()) {
            double[] px = pub.stream().mapToDouble(p -> p.x() * x.scale()).toArray();
            double[] py = pub.stream().mapToDouble(p -> p.y() * y.scale()).toArray();
            XYSeries s = chart.addSeries(PUBLISHED_LABEL, px, py);
            s.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(PUBLISHED);
            double[] allY = concat(shown(study.completeTrials(), y), py);
            boolean logY = chart.getStyler().isYAxisLogarithmic();
            for (int k = 0; k < pub.size(); k++) {
                chart.addAnnotation(
                        new AnnotationText(pub.get(k).model().name(), px[k], above(py[k], allY, logY), false));
            }
        }
        return chart;
    }

    static XYChart hypervolumeChart(
            StoredStudy study,
            HypervolumeHistory history,
            String xTitle,
            ToDoubleFunction<HypervolumeHistory.Point> x) {
        XYChart chart = baseChart(
                study.name() + ": hypervolume of the front against " + xTitle,
                xTitle,
                "hypervolume (objectives scaled to the study's range)");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setYAxisDecimalPattern("0.000");
        double[] xs = history.points().stream().mapToDouble(x).toArray();
        double[] ys = history.points().stream()
                .mapToDouble(HypervolumeHistory.Point::hypervolume)
                .toArray();
        XYSeries s = chart.addSeries("hypervolume after each trained candidate", xs, ys);
        s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(FRONT).setLineColor(FRONT);
        s.setLineStyle(new BasicStroke(2f));
        return chart;
    }

    private static XYChart baseChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setAnnotationTextFontColor(PUBLISHED.darker());
        chart.getStyler().setPlotGridLinesColor(new Color(0xe4, 0xe4, 0xe4));
        return chart;
    }

    private static List<Path> save(XYChart chart, Path dir, String base) throws IOException {
        Path png = dir.resolve(base + ".png");
        Path svg = dir.resolve(base + ".svg");
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return List.of(png, svg);
    }

    /** A label's height: 4% of the plotted range above the point, so that it does not cover the marker. */
    static double above(double y, double[] all, boolean log) {
        double min = Arrays.stream(all).min().orElse(y);
        double max = Arrays.stream(all).max().orElse(y);
        if (log) {
            return y * Math.pow(max / min, 0.04);
        }
        double range = max > min ? max - min : Math.max(Math.abs(y), 1);
        return y + 0.04 * range;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static double[] shown(List<StoredTrial> trials, ObjectiveView v) {
        return trials.stream().mapToDouble(v::shown).toArray();
    }

    /** A log axis needs every value above zero. */
    private static boolean allPositive(
            List<StoredTrial> trials, List<PublishedPoints.Point> pub, ObjectiveView v, boolean xAxis) {
        return trials.stream().allMatch(t -> v.value(t) > 0) && pub.stream().allMatch(p -> (xAxis ? p.x() : p.y()) > 0);
    }
}
