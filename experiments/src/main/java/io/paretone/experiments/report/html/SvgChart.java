package io.paretone.experiments.report.html;

import io.paretone.experiments.report.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small chart drawn as inline SVG, so the report needs no script library: points (circles or
 * diamonds) or a step line, linear or logarithmic axes, tick labels, and a legend. Each point
 * carries a {@code data-trial} or {@code data-model} attribute and a {@code <title>} for the page's
 * script and for a tooltip without it.
 */
final class SvgChart {
    static final int WIDTH = 480;
    static final int HEIGHT = 360;
    private static final int LEFT = 72;
    private static final int RIGHT = 18;
    private static final int TOP = 14;
    private static final int BOTTOM = 46;
    private static final int LEGEND_LINE = 16;

    enum Shape {
        CIRCLE,
        DIAMOND,
        STEP
    }

    /**
     * @param trial the trial this point is, or 0
     * @param model the published model this point is, or null
     * @param label text drawn beside the point, or null
     */
    record Point(double x, double y, int trial, String model, String tooltip, String label) {}

    record Series(String cssClass, String legend, Shape shape, List<Point> points) {}

    record Axis(String title, boolean log) {}

    private SvgChart() {}

    static String render(String ariaLabel, Axis xAxis, Axis yAxis, List<Series> series) {
        List<Point> all = series.stream().flatMap(s -> s.points().stream()).toList();
        Scale xs = Scale.of(all.stream().mapToDouble(Point::x).toArray(), xAxis.log(), LEFT, WIDTH - RIGHT);
        int plotBottom = HEIGHT - BOTTOM - LEGEND_LINE * series.size();
        Scale ys = Scale.of(all.stream().mapToDouble(Point::y).toArray(), yAxis.log(), plotBottom, TOP);
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT,
                Html.escape(ariaLabel)));
        b.append(String.format(
                Locale.ROOT,
                "<rect class=\"plot\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>%n",
                LEFT,
                TOP,
                WIDTH - RIGHT - LEFT,
                plotBottom - TOP));
        for (double t : xs.ticks()) {
            double px = xs.pixel(t);
            b.append(String.format(
                    Locale.ROOT,
                    "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                            + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    px,
                    TOP,
                    px,
                    plotBottom,
                    px,
                    plotBottom + 14,
                    Html.escape(tick(t))));
        }
        for (double t : ys.ticks()) {
            double py = ys.pixel(t);
            b.append(String.format(
                    Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                            + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT,
                    py,
                    WIDTH - RIGHT,
                    py,
                    LEFT - 5,
                    py + 4,
                    Html.escape(tick(t))));
        }
        b.append(String.format(
                Locale.ROOT,
                "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (LEFT + WIDTH - RIGHT) / 2,
                plotBottom + 32,
                Html.escape(xAxis.title() + (xs.log ? " (log)" : ""))));
        b.append(String.format(
                Locale.ROOT,
                "<text class=\"axis\" transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                (TOP + plotBottom) / 2,
                Html.escape(yAxis.title() + (ys.log ? " (log)" : ""))));
        for (Series s : series) {
            b.append("<g class=\"series ").append(Html.escape(s.cssClass())).append("\">\n");
            if (s.shape() == Shape.STEP) {
                b.append(step(s.points(), xs, ys));
            }
            for (Point p : s.points()) {
                b.append(point(p, s.shape(), xs.pixel(p.x()), ys.pixel(p.y())));
            }
            b.append("</g>\n");
        }
        int ly = plotBottom + 44;
        for (Series s : series) {
            b.append("<g class=\"legend series ")
                    .append(Html.escape(s.cssClass()))
                    .append("\">");
            b.append(marker(s.shape() == Shape.STEP ? Shape.CIRCLE : s.shape(), LEFT + 6, ly - 4, "legend-mark"));
            b.append(String.format(
                    Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text></g>%n", LEFT + 18, ly, Html.escape(s.legend())));
            ly += LEGEND_LINE;
        }
        return b.append("</svg>\n").toString();
    }

    private static String point(Point p, Shape shape, double px, double py) {
        StringBuilder attrs = new StringBuilder(" tabindex=\"0\"");
        if (p.trial() > 0) {
            attrs.append(" data-trial=\"").append(p.trial()).append('"');
        }
        if (p.model() != null) {
            attrs.append(" data-model=\"").append(Html.escape(p.model())).append('"');
        }
        String shapeSvg = shape == Shape.DIAMOND
                ? String.format(
                        Locale.ROOT, "<path class=\"pt\"%s d=\"M%.1f %.1fl6 6l-6 6l-6 -6z\">", attrs, px, py - 6)
                : String.format(
                        Locale.ROOT,
                        "<circle class=\"pt\"%s cx=\"%.1f\" cy=\"%.1f\" r=\"%d\">",
                        attrs,
                        px,
                        py,
                        shape == Shape.STEP ? 3 : 5);
        String element = shape == Shape.DIAMOND ? "path" : "circle";
        StringBuilder b = new StringBuilder(shapeSvg)
                .append("<title>")
                .append(Html.escape(p.tooltip()))
                .append("</title></")
                .append(element)
                .append(">\n");
        if (p.label() != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "<text class=\"point-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    px,
                    py - 9,
                    Html.escape(p.label())));
        }
        return b.toString();
    }

    private static String marker(Shape shape, int x, int y, String cssClass) {
        return shape == Shape.DIAMOND
                ? String.format(Locale.ROOT, "<path class=\"%s\" d=\"M%d %dl5 5l-5 5l-5 -5z\"/>", cssClass, x, y - 5)
                : String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%d\" cy=\"%d\" r=\"5\"/>", cssClass, x, y);
    }

    /** A step line through the points in order: flat until the next value. */
    private static String step(List<Point> points, Scale xs, Scale ys) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double px = xs.pixel(points.get(i).x());
            double py = ys.pixel(points.get(i).y());
            if (i == 0) {
                d.append(String.format(Locale.ROOT, "M%.1f %.1f", px, py));
            } else {
                d.append(String.format(Locale.ROOT, " H%.1f V%.1f", px, py));
            }
        }
        return "<path class=\"line\" d=\"" + d + "\"/>\n";
    }

    /** Compact tick labels: 0.001, 0.25, 12, 4.2k, 1.5M. */
    static String tick(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 1000) {
            return Units.count(v);
        }
        if (Math.abs(v) < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Maps data values onto pixels along one axis. */
    static final class Scale {
        final boolean log;
        final double min;
        final double max;
        private final double from;
        private final double to;

        private Scale(boolean log, double min, double max, double from, double to) {
            this.log = log;
            this.min = min;
            this.max = max;
            this.from = from;
            this.to = to;
        }

        /** A scale over the values with 5% room on each side; log only if asked and every value is above zero. */
        static Scale of(double[] values, boolean wantLog, double from, double to) {
            boolean log = wantLog
                    && values.length > 0
                    && java.util.Arrays.stream(values).allMatch(v -> v > 0);
            double lo = java.util.Arrays.stream(values)
                    .map(v -> log ? Math.log10(v) : v)
                    .min()
                    .orElse(0);
            double hi = java.util.Arrays.stream(values)
                    .map(v -> log ? Math.log10(v) : v)
                    .max()
                    .orElse(1);
            if (hi - lo < 1e-12) {
                double pad = log ? 0.5 : Math.max(Math.abs(lo) * 0.1, 0.5);
                lo -= pad;
                hi += pad;
            }
            double room = (hi - lo) * 0.05;
            return new Scale(log, lo - room, hi + room, from, to);
        }

        double pixel(double v) {
            double t = ((log ? Math.log10(v) : v) - min) / (max - min);
            return from + t * (to - from);
        }

        /**
         * Decades on a log axis (with 2 and 5 when it spans less than two decades, and evenly spaced
         * values when it spans less than one); 1-2-5 steps on a linear one.
         */
        List<Double> ticks() {
            if (log && max - min < 1) {
                return linearTicks(Math.pow(10, min), Math.pow(10, max));
            }
            List<Double> out = new ArrayList<>();
            if (log) {
                boolean fine = max - min < 2;
                for (int e = (int) Math.floor(min); e <= Math.ceil(max); e++) {
                    for (double m : fine ? new double[] {1, 2, 5} : new double[] {1}) {
                        double lv = Math.log10(m * Math.pow(10, e));
                        if (lv >= min && lv <= max) {
                            out.add(m * Math.pow(10, e));
                        }
                    }
                }
                if (out.size() > 8) {
                    List<Double> thinned = new ArrayList<>();
                    int every = (out.size() + 7) / 8;
                    for (int i = 0; i < out.size(); i += every) {
                        thinned.add(out.get(i));
                    }
                    return thinned;
                }
                return out;
            }
            return linearTicks(min, max);
        }

        private static List<Double> linearTicks(double min, double max) {
            List<Double> out = new ArrayList<>();
            double raw = (max - min) / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = magnitude * (raw / magnitude >= 5 ? 5 : raw / magnitude >= 2 ? 2 : 1);
            for (double v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
                out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
            }
            return out;
        }
    }
}
