package io.paretone.experiments.report.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.families.PublishedCost;
import io.paretone.experiments.report.Units;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.families.ModelFamilies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Published parameter counts come from the shipped table only, and ours are computed: a family
 * declaring the published layers counts within the stated tolerance of the published figure, the
 * others do not (so a stale declaration is caught), and the table of {@code docs/families.md} shows both.
 */
class PublishedParametersTest {
    private static final PublishedModels TABLE = PublishedModels.load();
    private static final Map<String, PublishedCost> COSTS = new LinkedHashMap<>();

    /** Builds every family's published configuration at full scale, once (a few seconds). */
    @BeforeAll
    static void count() {
        for (ModelFamily f : ModelFamilies.all()) {
            if (f.published().publishedModel().isPresent()) {
                COSTS.put(f.name(), PublishedCost.of(f, 16000));
            }
        }
    }

    private static OptionalLong published(PublishedCost c) {
        return c.configuration().publishedModel().map(TABLE::parameters).orElse(OptionalLong.empty());
    }

    @Test
    void reproducedCountsLieWithinTheToleranceOfThePublishedOnesAndOthersDoNot() {
        assertEquals(List.of("samplernn", "wavegan", "sing", "gansynth", "flow"), List.copyOf(COSTS.keySet()));
        for (PublishedCost c : COSTS.values()) {
            long p =
                    published(c).orElseThrow(() -> new AssertionError(c.family().name() + " has no published count"));
            double off = Math.abs((double) c.parameters() / p - 1);
            if (c.configuration().reproducesCount()) {
                assertTrue(
                        off <= PublishedModels.PARAMETER_TOLERANCE,
                        c.family().name() + ": ours " + c.parameters() + " vs published " + p);
            } else {
                assertTrue(
                        off > PublishedModels.PARAMETER_TOLERANCE,
                        c.family().name()
                                + " matches its published count: declare reproducesCount and drop the notes' excuse");
            }
        }
    }

    @Test
    void familiesPageShowsThePublishedFiguresAndOurCounts() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "families.md"));
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\| `(\\w+)` \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\| .*$")
                .matcher(page);
        while (m.find()) {
            rows.put(m.group(1), new String[] {m.group(3).trim(), m.group(4).trim()});
        }
        for (PublishedCost c : COSTS.values()) {
            String[] row = rows.get(c.family().name());
            assertTrue(
                    row != null,
                    "docs/families.md's published table has no row for "
                            + c.family().name());
            assertEquals(Units.count(c.parameters()), row[0], c.family().name() + ": ours");
            assertEquals(
                    Units.count(published(c).getAsLong()), row[1], c.family().name() + ": published");
        }
        int percent = (int) Math.round(PublishedModels.PARAMETER_TOLERANCE * 100);
        assertTrue(
                page.contains("counts within " + percent + "% of the published"),
                "docs/families.md states the tolerance");
    }
}
