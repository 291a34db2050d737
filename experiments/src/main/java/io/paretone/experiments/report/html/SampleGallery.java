package io.paretone.experiments.report.html;

import io.paretone.evaluators.quality.QualityScore;
import io.paretone.evaluators.quality.QualityTerm;
import io.paretone.search.store.StoredStudy;
import io.paretone.search.store.StoredTrial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The report's samples section: each trial's saved sample ({@code samples/trial-NNNN.wav} or
 * {@code .png} in the run folder) as an audio player or an image, embedded as a data URI beside the
 * trial's quality scores, so a person can check the proxy by ear or eye. Front members come first,
 * then the other trials by %MOS, best first. At most {@value #MAX_SAMPLES} samples of at most
 * {@value #MAX_FILE_BYTES} bytes each are embedded, so the page stays a few megabytes at most.
 */
final class SampleGallery {
    static final int MAX_SAMPLES = 40;
    static final int MAX_FILE_BYTES = 256 * 1024;

    private SampleGallery() {}

    /** Writes the section; returns how many samples it embedded. */
    static int write(StringBuilder b, StoredStudy study, List<StoredTrial> front) {
        b.append("<section id=\"samples\"><h2>Samples</h2>\n<p>One sample saved by each trial, as it was judged:"
                + " listen or look, and compare with the %MOS the proxy gave it. Pareto-front members first.");
        study.completeTrials().stream()
                .map(t -> t.outcome().metrics().quality())
                .filter(q -> q != null)
                .findFirst()
                .ifPresent(q -> b.append(' ').append(Html.escape(anchor(q))));
        b.append("</p>\n");
        List<StoredTrial> ordered = new ArrayList<>(study.completeTrials());
        ordered.sort(Comparator.comparing((StoredTrial t) -> !front.contains(t))
                .thenComparingDouble(t -> t.outcome().metrics().oneMinusPercentMos()));
        Path dir = Path.of(study.location()).resolve("samples");
        int embedded = 0;
        int missing = 0;
        StringBuilder items = new StringBuilder();
        for (StoredTrial t : ordered) {
            if (embedded == MAX_SAMPLES) {
                break;
            }
            Sample sample = find(dir, t.number());
            if (sample == null) {
                missing++;
                continue;
            }
            item(items, t, front.contains(t), sample);
            embedded++;
        }
        if (embedded == 0) {
            b.append("<p>No sample file in ")
                    .append(Html.escape(dir.toString()))
                    .append(".</p></section>\n");
            return 0;
        }
        b.append("<div class=\"samples\">\n").append(items).append("</div>\n");
        int left = ordered.size() - embedded - missing;
        if (left > 0 || missing > 0) {
            b.append("<p>")
                    .append(
                            left > 0
                                    ? left + " more trial(s) not shown (at most " + MAX_SAMPLES + " are embedded). "
                                    : "")
                    .append(missing > 0 ? missing + " trial(s) saved no sample (or one too large to embed)." : "")
                    .append("</p>\n");
        }
        b.append("</section>\n");
        return embedded;
    }

    /** "real = 1 +- s" as the proxy calibrated it. */
    static String anchor(QualityScore q) {
        return Double.isNaN(q.realSpread())
                ? "Held-out real data scores 1 (one real subset: spread unknown)."
                : String.format(
                        Locale.ROOT,
                        "Held-out real data scores 1 +- %.3f (spread over disjoint real subsets).",
                        q.realSpread());
    }

    private record Sample(String mime, byte[] bytes) {}

    private static Sample find(Path dir, int trial) {
        for (String[] kind : new String[][] {{"wav", "audio/wav"}, {"png", "image/png"}}) {
            Path file = dir.resolve(String.format(Locale.ROOT, "trial-%04d.%s", trial, kind[0]));
            try {
                if (Files.isRegularFile(file) && Files.size(file) <= MAX_FILE_BYTES) {
                    return new Sample(kind[1], Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the sample " + file + ": " + e.getMessage(), e);
            }
        }
        return null;
    }

    private static void item(StringBuilder b, StoredTrial t, boolean onFront, Sample sample) {
        QualityScore q = t.outcome().metrics().quality();
        String uri = "data:" + sample.mime() + ";base64," + Base64.getEncoder().encodeToString(sample.bytes());
        b.append("<figure class=\"sample")
                .append(onFront ? " front" : "")
                .append("\" data-trial=\"")
                .append(t.number())
                .append("\">");
        if (sample.mime().startsWith("audio/")) {
            b.append("<audio controls preload=\"none\" src=\"").append(uri).append("\"></audio>");
        } else {
            b.append("<img class=\"sample-image\" alt=\"sample of trial ")
                    .append(t.number())
                    .append("\" src=\"")
                    .append(uri)
                    .append("\">");
        }
        b.append("<figcaption><a href=\"#trial-")
                .append(t.number())
                .append("\">trial ")
                .append(t.number())
                .append("</a>")
                .append(onFront ? " (front)" : "")
                .append(String.format(
                        Locale.ROOT, ": %%MOS %.3f", t.outcome().metrics().percentMos()));
        if (q != null) {
            b.append(String.format(
                    Locale.ROOT,
                    " (unbounded %.3f; objective 1 - %%MOS %.3f)",
                    q.rawPercentMos(),
                    q.oneMinusPercentMos()));
            if (q.memorisedClips() > 0) {
                b.append(", <strong>")
                        .append(q.memorisedClips())
                        .append(" of ")
                        .append(q.clips())
                        .append(" clips memorised</strong>");
            }
            b.append("<br><small>");
            List<String> terms = new ArrayList<>();
            for (QualityTerm term : q.terms()) {
                terms.add(Html.escape(term.name())
                        + (term.informative() ? String.format(Locale.ROOT, " %.2f", term.raw()) : " dropped"));
            }
            b.append(String.join(", ", terms)).append("</small>");
        }
        b.append("</figcaption></figure>\n");
    }
}
