package io.paretone.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings table of {@code docs/configuration.md} is the one {@link StudySchema} makes. */
class SettingsTableTest {
    /** The page that documents every setting; tests run in the module's folder. */
    private static final Path PAGE = Path.of("..", "docs", "configuration.md");

    private static final String REGENERATE = "mvn -B -q -pl experiments -am test -Dtest=SettingsTableTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dparetone.writeSettingsTable=true";

    @Test
    void documentedTableIsTheSchemas() throws IOException {
        String table = SettingsTable.markdown(StudySchema.ALL);
        if (Boolean.getBoolean("paretone.writeSettingsTable")) {
            Files.writeString(PAGE, SettingsTable.replaceIn(Files.readString(PAGE), table));
        }
        assertEquals(
                table,
                SettingsTable.tableIn(Files.readString(PAGE)),
                "docs/configuration.md's settings table is stale; regenerate it with: " + REGENERATE);
    }

    @Test
    void rowsNameKeyOptionMeaningAndDefault() {
        Setting pue = StudySchema.byKey("energy.pue");
        Setting notes = StudySchema.byKey("dataset.notes");
        Setting space = StudySchema.byKey("space");
        String table = SettingsTable.markdown(List.of(pue, notes, space));
        assertEquals("""
                | key | option | meaning | default |
                |---|---|---|---|
                | `energy.pue` | `--pue X` | Data-centre PUE multiplying energy | 1 |
                | `dataset.notes` | `--notes N` | Notes rendered (dataset kind notes) | 240 |
                | `space.GENE` |  | The values a gene may take, a subset of its own; family genes are family.gene \
                (wavenet.layers), the training genes plain (training_steps) | all |
                """, table);
        assertTrue(SettingsTable.replaceIn("a\n" + SettingsTable.BEGIN + "\nold\n" + SettingsTable.END + "\nb", "new\n")
                .equals("a\n" + SettingsTable.BEGIN + "\nnew\n" + SettingsTable.END + "\nb"));
    }
}
