package io.paretone.experiments.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.experiments.report.HypervolumeHistory;
import io.paretone.experiments.report.ObjectiveView;
import io.paretone.experiments.report.PublishedPoints;
import io.paretone.experiments.report.PublishedRow;
import io.paretone.experiments.report.PublishedTable;
import io.paretone.experiments.report.published.PublishedModel;
import io.paretone.experiments.report.published.PublishedModels;
import io.paretone.search.store.StoredStudy;
import io.paretone.search.store.StoredTrial;
import io.paretone.search.store.StudySummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A study as one self-contained HTML file: summary, interactive trade-off plots (inline SVG, a
 * point shows its architecture and figures on hover or click), hypervolume, a sortable table of
 * every trial, failed trials with reasons, the published models and the study's provenance. Styles
 * and script are inlined and a content security policy forbids any network access. Every text from
 * the study is escaped.
 */
public final class HtmlReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {}

    /** Renders the report into {@code file}, replacing it atomically, stamped with the time now. */
    public static Path write(StoredStudy study, PublishedModels published, Path file) {
        return write(
                study,
                published,
                file,
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** Renders the report into {@code file}, replacing it atomically. */
    public static Path write(StoredStudy study, PublishedModels published, Path file, String generatedAt) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = parent.resolve(file.getFileName() + ".tmp");
            Files.writeString(tmp, render(study, published, generatedAt), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report " + file + ": " + e.getMessage(), e);
        }
    }

    public static String render(StoredStudy study, PublishedModels published, String generatedAt) {
        List<ObjectiveView> views = ObjectiveView.of(study);
        List<StoredTrial> front = study.front();
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append(
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
                                + " script-src 'unsafe-inline'; img-src data:; media-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>paretone: ")
                .append(Html.escape(study.name()))
                .append("</title>\n")
                .append("<style>\n")
                .append(resource("report.css"))
                .append("</style>\n</head>\n<body>\n");
        b.append("<header><h1>paretone study <q>")
                .append(Html.escape(study.name()))
                .append("</q></h1>\n<p>")
                .append(Html.escape(study.location()))
                .append(" &middot; ")
                .append(study.finished() ? "finished" : "<strong>not finished</strong>: the trials so far")
                .append(" &middot; report generated ")
                .append(Html.escape(generatedAt))
                .append("</p>\n");
        b.append("<nav><a href=\"#summary\">Summary</a> <a href=\"#tradeoffs\">Trade-offs</a>"
                + " <a href=\"#hypervolume\">Hypervolume</a> <a href=\"#samples\">Samples</a> <a href=\"#all-trials\">All trials</a>"
                + " <a href=\"#failed\">Failed</a> <a href=\"#published\">Published models</a>"
                + " <a href=\"#provenance\">Provenance</a></nav></header>\n<main>\n");
        summary(b, study, views, front);
        tradeoffs(b, study, views, front, published);
        hypervolume(b, study);
        int samples = SampleGallery.write(b, study, front);
        trialsTable(b, study, views, front);
        failed(b, study);
        publishedSection(b, published, study.carbonKgPerKwh());
        provenance(b, study);
        b.append("</main>\n<aside id=\"detail\" aria-live=\"polite\"><p class=\"hint\">Hover over or click a point"
                + " to see its architecture and figures.</p></aside>\n");
        b.append("<pre id=\"selfcheck\" hidden></pre>\n");
        b.append("<script type=\"application/json\" id=\"report-data\">")
                .append(Html.scriptJson(data(study, views, front, published, samples)))
                .append("</script>\n");
        b.append("<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void summary(
            StringBuilder b, StoredStudy study, List<ObjectiveView> views, List<StoredTrial> front) {
        b.append("<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\">\n");
        b.append("<div class=\"card\"><h3>Search footprint</h3><dl>\n");
        double trainingKg = study.completeTrials().stream()
                .mapToDouble(t -> t.outcome().metrics().trainingKgCo2e())
                .sum();
        if (study.summary().isPresent()) {
            StudySummary s = study.summary().get();
            item(
                    b,
                    "whole study",
                    String.format(
                            Locale.ROOT,
                            "%.4g gCO2e, %.1f J (%.3g kWh), %.1f s",
                            s.studyKgCo2e() * 1000,
                            s.studyJoules(),
                            s.studyJoules() / 3.6e6,
                            s.studySeconds()));
            item(b, "energy obtained by", s.studyEnergyMethod());
        } else {
            item(b, "whole study", "not written yet (the study has not finished)");
        }
        item(b, "training of the candidates", String.format(Locale.ROOT, "%.4g gCO2e", trainingKg * 1000));
        item(b, "grid carbon intensity", String.format(Locale.ROOT, "%.3f kgCO2e/kWh", study.carbonKgPerKwh()));
        b.append("</dl></div>\n");

        b.append("<div class=\"card\"><h3>Budget</h3><dl>\n");
        item(b, "planned", study.plannedCandidates() + " candidates (population x generations)");
        study.summary()
                .ifPresent(s -> item(
                        b,
                        "asked for by the search",
                        s.candidatesEvaluated()
                                + " candidates (an architecture already trained is not trained again)"));
        item(
                b,
                "trained",
                study.trials().size() + " architectures, "
                        + study.failedTrials().size() + " failed");
        item(b, "on the Pareto front", front.size() + " architectures");
        item(b, "constraints", constraints(study));
        b.append("</dl></div>\n");

        b.append("<div class=\"card\"><h3>Best per objective</h3><dl>\n");
        for (ObjectiveView v : views) {
            study.trials().stream()
                    .filter(study::feasible)
                    .min(Comparator.comparingDouble(v::value))
                    .ifPresentOrElse(
                            t -> b.append("<dt>")
                                    .append(Html.escape(v.label()))
                                    .append("</dt><dd>")
                                    .append(Html.escape(v.format(v.value(t))))
                                    .append(" (")
                                    .append(v.basis(t))
                                    .append("), <a href=\"#trial-")
                                    .append(t.number())
                                    .append("\" data-trial=\"")
                                    .append(t.number())
                                    .append("\">trial ")
                                    .append(t.number())
                                    .append("</a>: ")
                                    .append(Html.escape(t.genomeText()))
                                    .append("</dd>\n"),
                            () -> item(b, v.label(), "no feasible trial"));
        }
        b.append("</dl></div>\n</div></section>\n");
    }

    private static String constraints(StoredStudy study) {
        List<String> c = new ArrayList<>();
        if (study.constraints().maxParameters() > 0) {
            c.add("at most " + study.constraints().maxParameters() + " parameters");
        }
        if (study.constraints().maxKgCo2e() > 0) {
            c.add(String.format(
                    Locale.ROOT,
                    "at most %.4g kgCO2e of training",
                    study.constraints().maxKgCo2e()));
        }
        return c.isEmpty() ? "none" : String.join(", ", c);
    }

    private static void tradeoffs(
            StringBuilder b,
            StoredStudy study,
            List<ObjectiveView> views,
            List<StoredTrial> front,
            PublishedModels published) {
        b.append("<section id=\"tradeoffs\"><h2>Trade-offs</h2>\n<p>Every pair of objectives, all minimised (lower"
                + " left is better). <span class=\"key front\">&#9679;</span> the study's Pareto front on all objectives,"
                + " <span class=\"key trial\">&#9679;</span> other trials, <span class=\"key published\">&#9670;</span>"
                + " published models, trained elsewhere at full scale on other data: orders of magnitude, not a like-for-like"
                + " comparison.</p>\n<label><input type=\"checkbox\" id=\"show-published\" checked> show published models"
                + " (untick to zoom onto this study)</label>\n<div class=\"grid\">\n");
        if (study.completeTrials().isEmpty()) {
            b.append("<p>No trial completed yet: nothing to plot.</p>\n");
        }
        for (int i = 0; i < views.size() && !study.completeTrials().isEmpty(); i++) {
            for (int j = i + 1; j < views.size(); j++) {
                ObjectiveView x = views.get(i);
                ObjectiveView y = views.get(j);
                List<PublishedPoints.Point> pub = PublishedPoints.on(published, x, y, study.carbonKgPerKwh());
                String caption = y.label() + " against " + x.label();
                b.append("<figure class=\"pair\" data-x=\"")
                        .append(Html.escape(x.name()))
                        .append("\" data-y=\"")
                        .append(Html.escape(y.name()))
                        .append("\"><figcaption>")
                        .append(Html.escape(caption))
                        .append("</figcaption>\n");
                if (pub.isEmpty()) {
                    b.append(pairSvg(study, front, x, y, List.of()));
                } else {
                    b.append("<div class=\"with-published\">")
                            .append(pairSvg(study, front, x, y, pub))
                            .append("</div>")
                            .append("<div class=\"without-published\">")
                            .append(pairSvg(study, front, x, y, List.of()))
                            .append("</div>\n");
                }
                b.append("</figure>\n");
            }
        }
        b.append("</div></section>\n");
    }

    private static String pairSvg(
            StoredStudy study,
            List<StoredTrial> front,
            ObjectiveView x,
            ObjectiveView y,
            List<PublishedPoints.Point> pub) {
        List<StoredTrial> others =
                study.completeTrials().stream().filter(t -> !front.contains(t)).toList();
        List<SvgChart.Series> series = new ArrayList<>();
        Function<StoredTrial, SvgChart.Point> point = t ->
                new SvgChart.Point(x.shown(t), y.shown(t), t.number(), null, tooltip(t, x, y, front.contains(t)), null);
        if (!others.isEmpty()) {
            series.add(new SvgChart.Series(
                    "trial",
                    "other trials (" + others.size() + ")",
                    SvgChart.Shape.CIRCLE,
                    others.stream().map(point).toList()));
        }
        if (!front.isEmpty()) {
            series.add(new SvgChart.Series(
                    "front",
                    "Pareto front (" + front.size() + ")",
                    SvgChart.Shape.CIRCLE,
                    front.stream().map(point).toList()));
        }
        if (!pub.isEmpty()) {
            series.add(new SvgChart.Series(
                    "published",
                    "published models (trained elsewhere at full scale)",
                    SvgChart.Shape.DIAMOND,
                    pub.stream()
                            .map(p -> new SvgChart.Point(
                                    p.x() * x.scale(),
                                    p.y() * y.scale(),
                                    0,
                                    p.model().name(),
                                    p.model().name() + " (published, trained elsewhere at full scale): " + x.label()
                                            + " " + x.format(p.x()) + ", " + y.label() + " " + y.format(p.y()),
                                    p.model().name()))
                            .toList()));
        }
        return SvgChart.render(
                y.label() + " against " + x.label(),
                new SvgChart.Axis(x.title(), x.logScale()),
                new SvgChart.Axis(y.title(), y.logScale()),
                series);
    }

    private static String tooltip(StoredTrial t, ObjectiveView x, ObjectiveView y, boolean onFront) {
        return "trial " + t.number() + (onFront ? " (Pareto front)" : "") + ": " + x.label() + " "
                + x.format(x.value(t)) + ", " + y.label() + " " + y.format(y.value(t)) + "; " + t.genomeText();
    }

    private static void hypervolume(StringBuilder b, StoredStudy study) {
        b.append(
                "<section id=\"hypervolume\"><h2>Hypervolume</h2>\n<p>The volume the front dominates, objectives"
                        + " scaled between the study's best and worst values (reference point 10% beyond the worst), after each"
                        + " trained candidate: how much each candidate, and each gram of CO2e spent, improved the front.</p>\n");
        HypervolumeHistory h = HypervolumeHistory.of(study);
        if (h.isEmpty()) {
            b.append("<p>No trial yet.</p></section>\n");
            return;
        }
        b.append("<div class=\"grid\">\n");
        b.append(hypervolumeFigure(h, "trained candidates", p -> (double) p.trials(), false));
        b.append(hypervolumeFigure(h, "training CO2e spent [gCO2e]", p -> p.kgCo2eSpent() * 1000, false));
        b.append("</div>\n<p>Final hypervolume: ")
                .append(String.format(
                        Locale.ROOT,
                        "%.4f",
                        h.points().get(h.points().size() - 1).hypervolume()))
                .append("</p></section>\n");
    }

    private static String hypervolumeFigure(
            HypervolumeHistory h, String xTitle, Function<HypervolumeHistory.Point, Double> x, boolean log) {
        List<SvgChart.Point> points = h.points().stream()
                .map(p -> new SvgChart.Point(
                        x.apply(p),
                        p.hypervolume(),
                        p.trials(),
                        null,
                        String.format(
                                Locale.ROOT,
                                "after trial %d (generation %d): hypervolume %.4f, %.4g gCO2e spent",
                                p.trials(),
                                p.generation() + 1,
                                p.hypervolume(),
                                p.kgCo2eSpent() * 1000),
                        null))
                .toList();
        return "<figure><figcaption>hypervolume against " + Html.escape(xTitle) + "</figcaption>\n"
                + SvgChart.render(
                        "hypervolume against " + xTitle,
                        new SvgChart.Axis(xTitle, log),
                        new SvgChart.Axis("hypervolume", false),
                        List.of(new SvgChart.Series("hv", "after each trained candidate", SvgChart.Shape.STEP, points)))
                + "</figure>\n";
    }

    private static void trialsTable(
            StringBuilder b, StoredStudy study, List<ObjectiveView> views, List<StoredTrial> front) {
        b.append("<section id=\"all-trials\"><h2>All trials</h2>\n<p>Click a column heading to sort. Energy: how the"
                + " training energy was obtained (estimated or measured).</p>\n<div class=\"scroll\"><table id=\"trials\""
                + " class=\"sortable\">\n<thead><tr><th data-type=\"number\">trial</th><th data-type=\"number\">generation</th>"
                + "<th>status</th>");
        for (ObjectiveView v : views) {
            b.append("<th data-type=\"number\">").append(Html.escape(v.label())).append("</th>");
        }
        b.append(
                "<th data-type=\"number\">%MOS</th><th data-type=\"number\">Lacoste [g]</th>"
                        + "<th data-type=\"number\">training [s]</th><th>energy</th><th>genome</th><th>description</th></tr></thead>\n<tbody>\n");
        for (StoredTrial t : study.trials()) {
            boolean onFront = front.contains(t);
            b.append("<tr id=\"trial-")
                    .append(t.number())
                    .append("\" data-trial=\"")
                    .append(t.number())
                    .append("\" class=\"")
                    .append(onFront ? "front" : t.complete() ? "trial" : "failed")
                    .append("\">");
            cell(b, Integer.toString(t.number()), t.number());
            cell(b, Integer.toString(t.generation() + 1), t.generation());
            b.append("<td>")
                    .append(
                            t.complete()
                                    ? onFront ? "front" : "complete"
                                    : "failed: " + Html.escape(t.outcome().reason()))
                    .append("</td>");
            for (ObjectiveView v : views) {
                if (t.complete()) {
                    cell(b, v.format(v.value(t)), v.value(t));
                } else {
                    cell(b, "-", Double.POSITIVE_INFINITY);
                }
            }
            if (t.outcome().metrics() != null) {
                cell(
                        b,
                        String.format(Locale.ROOT, "%.3f", t.outcome().metrics().percentMos()),
                        t.outcome().metrics().percentMos());
                cell(
                        b,
                        String.format(Locale.ROOT, "%.4g", t.outcome().metrics().lacosteKgCo2e() * 1000),
                        t.outcome().metrics().lacosteKgCo2e());
                cell(
                        b,
                        String.format(Locale.ROOT, "%.1f", t.outcome().metrics().trainingSeconds()),
                        t.outcome().metrics().trainingSeconds());
                b.append("<td>")
                        .append(t.outcome().metrics().energyEstimated() ? "estimated" : "measured")
                        .append("</td>");
            } else {
                b.append(
                        "<td data-sort=\"-1\">-</td><td data-sort=\"Infinity\">-</td><td data-sort=\"Infinity\">-</td><td>-</td>");
            }
            b.append("<td class=\"genome\">")
                    .append(Html.escape(t.genomeText()))
                    .append("</td><td>")
                    .append(Html.escape(t.description()))
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table></div></section>\n");
    }

    private static void cell(StringBuilder b, String text, double sortKey) {
        b.append("<td data-sort=\"")
                .append(Double.isInfinite(sortKey) ? "Infinity" : String.format(Locale.ROOT, "%.17g", sortKey))
                .append("\">")
                .append(Html.escape(text))
                .append("</td>");
    }

    private static void failed(StringBuilder b, StoredStudy study) {
        b.append("<section id=\"failed\"><h2>Failed trials</h2>\n");
        if (study.failedTrials().isEmpty()) {
            b.append("<p>None: every trial trained and was measured.</p></section>\n");
            return;
        }
        b.append("<p>A failed trial is recorded with its reason and ranked worst by the search.</p>\n<ul>\n");
        for (StoredTrial t : study.failedTrials()) {
            b.append("<li><a href=\"#trial-")
                    .append(t.number())
                    .append("\">trial ")
                    .append(t.number())
                    .append("</a> (")
                    .append(Html.escape(t.genomeText()))
                    .append("): <span class=\"reason\">")
                    .append(Html.escape(
                            t.outcome().reason() == null
                                    ? "no reason recorded"
                                    : t.outcome().reason()))
                    .append("</span></li>\n");
        }
        b.append("</ul></section>\n");
    }

    private static void publishedSection(StringBuilder b, PublishedModels published, double kgPerKwh) {
        if (published.models().isEmpty()) {
            b.append("<section id=\"published\"><h2>Published models</h2>\n<p>None shipped for this study's domain: the"
                    + " shipped table holds audio models, measured on other axes.</p></section>\n");
            return;
        }
        CarbonAccounting carbon = new CarbonAccounting(kgPerKwh, 1.0);
        b.append(
                "<section id=\"published\"><h2>Published models</h2>\n<p>Trained elsewhere, at full scale, on other data:"
                        + " a reference for orders of magnitude. CO2e at this study's grid intensity.</p>\n<div class=\"scroll\">"
                        + "<table class=\"sortable\" id=\"published-table\"><thead><tr><th>model</th><th>hardware</th>"
                        + "<th data-type=\"number\">p_max kW</th><th data-type=\"number\">hours</th><th data-type=\"number\">CO2e kg</th>"
                        + "<th>params</th><th>MOS (ground truth)</th><th data-type=\"number\">1-%MOS</th><th>Pareto CO2e</th>"
                        + "<th>Pareto params</th><th>dataset</th></tr></thead>\n<tbody>\n");
        for (PublishedRow r : PublishedRow.of(published, carbon)) {
            b.append("<tr>");
            for (String s : List.of(
                    r.model().name(),
                    r.hardware(),
                    r.pMaxKw(),
                    r.hours(),
                    r.kgCo2e(),
                    r.parameters(),
                    r.mos(),
                    r.oneMinusPercentMos(),
                    r.co2eFront(),
                    r.parameterFront(),
                    r.model().dataset() == null ? "-" : r.model().dataset())) {
                b.append("<td>").append(Html.escape(s)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table></div>\n<ul class=\"notes\">\n");
        for (String note : PublishedTable.notes(published, carbon)) {
            b.append("<li>").append(Html.escape(note)).append("</li>\n");
        }
        for (PublishedModel m : published.models()) {
            if (m.collectionDiffers() != null) {
                b.append("<li>")
                        .append(Html.escape(m.name() + ": " + m.collectionDiffers()))
                        .append("</li>\n");
            }
        }
        b.append("</ul>\n<details><summary>Sources</summary><ul>\n");
        for (PublishedModel m : published.models()) {
            b.append("<li><b>")
                    .append(Html.escape(m.name()))
                    .append("</b>: ")
                    .append(Html.escape(PublishedTable.sources(m)))
                    .append("</li>\n");
        }
        b.append("<li>Collection: ")
                .append(Html.escape(published.collection()))
                .append("</li>\n</ul></details></section>\n");
    }

    private static void provenance(StringBuilder b, StoredStudy study) {
        b.append(
                "<section id=\"provenance\"><h2>Provenance</h2>\n<p>What is needed to re-run any point: the settings"
                        + " below, and each trial's seed (in its details). Objectives are minimised; the front keeps feasible"
                        + " trials that no other feasible trial dominates.</p>\n<div class=\"cards\"><div class=\"card\"><h3>Settings</h3><dl>\n");
        study.settings().forEach((k, v) -> item(b, k, v));
        b.append("</dl></div>\n<div class=\"card\"><h3>Environment of the trials</h3><dl>\n");
        Map<String, Function<StoredTrial, String>> fields = new LinkedHashMap<>();
        fields.put("paretone", t -> t.outcome().provenance().paretoneVersion());
        fields.put("DJL", t -> t.outcome().provenance().djlVersion());
        fields.put("Java", t -> t.outcome().provenance().javaVersion());
        fields.put("OS", t -> t.outcome().provenance().os());
        fields.put("device", t -> t.outcome().provenance().device());
        fields.put("dataset", t -> t.outcome().provenance().dataset());
        fields.put("dataset SHA-256", t -> t.outcome().provenance().datasetHash());
        fields.put(
                "energy meter",
                t -> t.outcome().metrics() == null
                        ? null
                        : t.outcome().metrics().energyMeter());
        fields.forEach((name, f) -> {
            Set<String> values = new TreeSet<>();
            study.trials().stream()
                    .filter(t -> t.outcome().provenance() != null)
                    .map(f)
                    .filter(v -> v != null)
                    .forEach(values::add);
            item(b, name, values.isEmpty() ? "-" : String.join(", ", values));
        });
        b.append("</dl></div></div></section>\n");
    }

    private static void item(StringBuilder b, String term, String value) {
        b.append("<dt>")
                .append(Html.escape(term))
                .append("</dt><dd>")
                .append(Html.escape(value))
                .append("</dd>\n");
    }

    /** What the page's script shows for a point: every trial's figures as text, and the counts it checks. */
    private static String data(
            StoredStudy study,
            List<ObjectiveView> views,
            List<StoredTrial> front,
            PublishedModels published,
            int samples) {
        ObjectNode root = JSON.createObjectNode();
        root.put("study", study.name())
                .put("frontSize", front.size())
                .put("trials", study.trials().size())
                .put("samples", samples);
        ArrayNode trials = root.putArray("trialDetails");
        for (StoredTrial t : study.trials()) {
            ObjectNode o = trials.addObject();
            o.put("trial", t.number()).put("generation", t.generation() + 1).put("front", front.contains(t));
            o.put("status", t.complete() ? "complete" : "failed");
            o.put("genome", t.genomeText()).put("description", t.description());
            if (t.outcome().reason() != null) {
                o.put("failure", t.outcome().reason());
            }
            ArrayNode figures = o.putArray("figures");
            if (t.complete()) {
                for (ObjectiveView v : views) {
                    figures.addArray().add(v.label()).add(v.format(v.value(t)) + " (" + v.basis(t) + ")");
                }
            }
            if (t.outcome().metrics() != null) {
                figures.addArray()
                        .add("%MOS")
                        .add(String.format(
                                Locale.ROOT, "%.4f", t.outcome().metrics().percentMos()));
                figures.addArray()
                        .add("Lacoste [g]")
                        .add(String.format(
                                Locale.ROOT, "%.4g", t.outcome().metrics().lacosteKgCo2e() * 1000));
                figures.addArray()
                        .add("training")
                        .add(String.format(
                                Locale.ROOT,
                                "%d steps, %.1f s, %.1f J",
                                t.outcome().metrics().trainingSteps(),
                                t.outcome().metrics().trainingSeconds(),
                                t.outcome().metrics().trainingJoules()));
                figures.addArray()
                        .add("loss")
                        .add(String.format(
                                Locale.ROOT,
                                "%.4f -> %.4f",
                                t.outcome().metrics().initialLoss(),
                                t.outcome().metrics().finalLoss()));
                figures.addArray().add("energy").add(t.outcome().metrics().energyMethod());
            }
            if (t.outcome().provenance() != null) {
                figures.addArray()
                        .add("seed")
                        .add(Long.toString(t.outcome().provenance().seed()));
            }
        }
        ArrayNode models = root.putArray("published");
        for (PublishedModel m : published.models()) {
            models.addObject()
                    .put("name", m.name())
                    .put("source", PublishedTable.sources(m))
                    .put("dataset", m.dataset() == null ? "" : m.dataset());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report's " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
