package io.paretone.experiments.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.experiments.report.published.PublishedModels;
import io.paretone.search.store.RunFolderFixture;
import io.paretone.search.store.RunFolderReader;
import io.paretone.search.store.StoredObjective;
import io.paretone.search.store.StoredStudy;
import io.paretone.search.store.StoredTrial;
import io.paretone.search.trial.Constraints;
import io.paretone.search.trial.Provenance;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(2)>";
    private static final String CLOSE = "</script><script>alert(3)</script>";

    @TempDir
    Path runs;

    /** A study built in code whose every free text is hostile markup. */
    private static StoredStudy hostileStudy() {
        Map<String, String> genome = new LinkedHashMap<>();
        genome.put("layers", SCRIPT);
        genome.put("<b>gene</b>", "2");
        TrialMetrics metrics = new TrialMetrics(
                1000, 2000, 0.4, null, 10, 1e-6, 1e-6, 1, 1, 1, 10, 5, 4, IMG, true, CLOSE, 4000, 20, 60, 16_000, 0.5,
                100, 2, 1e-7, SCRIPT, List.of());
        Provenance provenance = new Provenance(7, IMG, SCRIPT, "hash", "dev", "0.36.0", "17", "Linux", "node-1");
        List<StoredObjective> objectives = RunFolderFixture.OBJECTIVES.stream()
                .map(o -> new StoredObjective(o.name(), o.unit(), o.meaning()))
                .toList();
        Map<String, Double> values = new LinkedHashMap<>();
        double[] okValues = {1e-6, 1000, 2000, 0.6};
        for (int i = 0; i < objectives.size(); i++) {
            values.put(objectives.get(i).name(), okValues[i]);
        }
        StoredTrial ok = new StoredTrial(
                1,
                0,
                "toy",
                genome,
                IMG,
                new TrialOutcome(TrialStatus.COMPLETE, null, values, metrics, provenance, null, 0));
        StoredTrial failed = new StoredTrial(
                2,
                0,
                "toy",
                genome,
                SCRIPT,
                new TrialOutcome(TrialStatus.FAILED, CLOSE, Map.of(), null, provenance, null, 0));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("name", SCRIPT);
        settings.put(IMG, "x");
        return new StoredStudy(
                SCRIPT,
                IMG,
                true,
                settings,
                4,
                Constraints.NONE,
                0.437,
                Optional.empty(),
                objectives,
                List.of(ok, failed));
    }

    @Test
    void textFromConfigsGenomesAndFailuresIsEscaped() {
        String html = HtmlReport.render(hostileStudy(), PublishedModels.load(), SCRIPT);
        for (String hostile : List.of(SCRIPT, IMG, CLOSE, "<b>gene</b>")) {
            assertFalse(html.contains(hostile), "raw " + hostile);
        }
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped in the page");
        assertTrue(
                html.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"),
                "escaped in the data for the script");
        // only the report's own two script elements: its data and its code
        assertEquals(2, count(html, "<script"));
        assertEquals(2, count(html, "</script>"));
        assertFalse(html.contains("<img"), "no element comes from a trial's text");
    }

    @Test
    void reportIsSelfContainedAndForbidsTheNetwork() {
        String html = HtmlReport.render(hostileStudy(), PublishedModels.load(), "now");
        assertTrue(
                html.contains("Content-Security-Policy\" content=\"default-src 'none'"),
                "CSP forbids loading anything");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no external resource");
        assertFalse(html.contains("<link"), "styles are inline");
        assertTrue(html.contains("<style>") && html.contains("sortTable"), "style and script inlined");
    }

    @Test
    void frontPointsTableRowsFailuresPublishedModelsAndProvenanceAreAllThere() {
        RunFolderFixture f = RunFolderFixture.create(runs, "page");
        f.complete(0, 1e-5, 2_000, 100_000_000, 0.9); // 1: front
        f.complete(0, 1e-4, 20_000, 1_000_000_000, 0.3); // 2: front
        f.complete(1, 2e-4, 40_000, 2_000_000_000L, 0.6); // 3: dominated by 2
        f.failed(1, "loss became NaN at step 7"); // 4
        f.finish();
        String html = HtmlReport.render(new RunFolderReader(f.path()).read(), PublishedModels.load(), "now");

        assertEquals(4, count(html, "<tr id=\"trial-"), "a row per trial");
        assertEquals(2, count(html, "<tr id=\"trial-\\d+\" data-trial=\"\\d+\" class=\"front\""), "front rows");
        assertEquals(6, count(html, "<figure class=\"pair\""), "six pairs of four objectives");
        // every pair shows the front: pairs with published points carry a second, zoomed chart
        String firstPair = html.substring(html.indexOf("<figure class=\"pair\""), html.indexOf("</figure>"));
        String withPublished = firstPair.substring(0, firstPair.indexOf("without-published"));
        assertEquals(2, count(withPublished, "<circle class=\"pt\" tabindex=\"0\" data-trial=\"[12]\""), "front");
        assertEquals(
                5,
                count(withPublished, "<path class=\"pt\" tabindex=\"0\" data-model="),
                "CO2e and parameters are published for five models");
        assertTrue(firstPair.contains("published models (trained elsewhere at full scale)"));
        assertTrue(html.contains("trial 4</a> (layers=6 width=4): <span class=\"reason\">loss became NaN at step 7"));
        assertTrue(html.contains("<td>FloWaveNet</td><td>1 x V100</td><td>0.30</td><td>272</td><td>35.7</td>"));
        assertTrue(html.contains("Douwes"));
        assertTrue(html.contains("<dt>dataset SHA-256</dt><dd>0123abcd</dd>"), "provenance");
        assertTrue(html.contains("<dt>planned</dt><dd>12 candidates"), "budget: population 4 x 3 generations");
    }

    /**
     * Trials 3 (off the front, %MOS 0.4) and 1 (front, %MOS 0.1) saved a WAV each: both are embedded
     * as players, the front member first; trial 2 saved none and is said to be missing.
     */
    @Test
    void savedSamplesAreEmbeddedAsPlayersFrontMembersFirst() throws IOException {
        RunFolderFixture f = RunFolderFixture.create(runs, "samples");
        f.complete(0, 1e-5, 2_000, 100_000_000, 0.9); // 1: front
        f.complete(0, 1e-4, 20_000, 1_000_000_000, 0.3); // 2: front
        f.complete(1, 2e-4, 40_000, 2_000_000_000L, 0.6); // 3: dominated by 2
        f.finish();
        f.saveToneSample(3);
        byte[] wav = Files.readAllBytes(f.saveToneSample(1));
        String html = HtmlReport.render(new RunFolderReader(f.path()).read(), PublishedModels.load(), "now");

        String section = html.substring(
                html.indexOf("<section id=\"samples\">"),
                html.indexOf("</section>", html.indexOf("<section id=\"samples\">")));
        assertEquals(2, count(section, "<audio controls"), section);
        assertTrue(section.indexOf("data-trial=\"1\"") < section.indexOf("data-trial=\"3\""), "front first");
        assertTrue(
                section.contains("data:audio/wav;base64," + Base64.getEncoder().encodeToString(wav)),
                "the file itself");
        assertTrue(section.contains("1 trial(s) saved no sample"), section);
        assertTrue(section.contains("Held-out real data scores 1 +- 0.020"), "the fixture's real spread");
        assertTrue(html.contains("\"samples\":2"), "the self-check expects two");
        assertTrue(html.contains("media-src data:"), "the policy lets the players load");
    }

    private static int count(String s, String regex) {
        return (int) Pattern.compile(regex).matcher(s).results().count();
    }
}
