package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.experiments.config.StudyConfig;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class StudyOptionsTest {
    /** The options {@code search} took before they were made from the schema, written out by hand. */
    private static final Set<String> STUDY_FLAGS = Set.of(
            "--families",
            "--seed",
            "--device",
            "--allow-download",
            "--output",
            "--name",
            "--population",
            "--generations",
            "--carbon-intensity",
            "--region",
            "--pue",
            "--watts-per-core",
            "--tdp",
            "--gpu-tdp",
            "--meter",
            "--carbon-budget",
            "--max-parameters",
            "--max-co2e-kg",
            "--objectives",
            "--notes",
            "--max-flops",
            "--min-percent-mos",
            "--study",
            "--storage",
            "--algorithm",
            "--workers",
            "--devices",
            "--engine",
            "--master",
            "--trial-timeout",
            "--worker-memory",
            "--max-trials",
            "--max-trial-joules",
            "--max-wall-minutes",
            "--stagnation",
            "--prune-at",
            "--prune-margin",
            "--domain",
            "--dataset",
            "--dataset-folder");

    private static Set<String> flags(Object command) {
        Set<String> out = new TreeSet<>();
        for (OptionSpec o : new CommandLine(command).getCommandSpec().options()) {
            out.add(o.longestName());
        }
        return out;
    }

    @Test
    void studyCommandsTakeTheSameOptionsAsBefore() {
        Set<String> search = new TreeSet<>(STUDY_FLAGS);
        search.addAll(List.of("--config", "--help", "--version"));
        assertEquals(search, flags(new SearchCommand()));
        Set<String> quickstart = new TreeSet<>(STUDY_FLAGS);
        quickstart.addAll(List.of("--help", "--version"));
        assertEquals(quickstart, flags(new QuickstartCommand()));
    }

    @Test
    void givenOptionsOverrideTheirKeysAndOthersStay() {
        SearchCommand command = new SearchCommand();
        new CommandLine(command)
                .parseArgs(
                        "--pue",
                        "1.2",
                        "--devices",
                        "0,1",
                        "--allow-download",
                        "--max-parameters",
                        "5000",
                        "--study",
                        "s1",
                        "--dataset",
                        "digits",
                        "--prune-at",
                        "0.25,0.5");
        StudyConfig c = QuickstartCommand.builtInConfig();
        command.studyOptions().applyTo(c);
        assertEquals(1.2, c.energy.pue);
        assertEquals(List.of("0", "1"), c.workers.devices);
        assertEquals(Boolean.TRUE, c.allowDownload);
        assertEquals(5000L, c.constraints.maxParameters);
        assertEquals("s1", command.studyOptions().study());
        assertEquals("digits", c.dataset.kind);
        assertNull(c.dataset.notes, "the quickstart's notes belong to kind notes");
        assertEquals(0.5, c.dataset.clipSeconds, "every audio kind reads the clip length");
        assertEquals(List.of(0.25, 0.5), c.pruning.checkpoints);
        assertEquals(42L, c.seed, "from the config");
        assertEquals("auto", c.energy.meter, "from the config");
    }

    @Test
    void algorithmHelpNamesEveryAlgorithmTheSearchRuns() {
        String search = String.join(
                " ",
                new CommandLine(new SearchCommand())
                        .getCommandSpec()
                        .findOption("--algorithm")
                        .description());
        String bench = String.join(
                " ",
                new CommandLine(new BenchCommand())
                        .getCommandSpec()
                        .findOption("--algorithms")
                        .description());
        for (String name : List.of("nsga2", "nsga2-async", "random")) {
            assertTrue(search.contains(name + " ("), name + " is explained in: " + search);
            assertTrue(bench.contains(name), name + " is listed in: " + bench);
        }
        assertTrue(search.contains("steady-state"), search);
        assertTrue(bench.contains("among nsga2, nsga2-async, random (default [nsga2, random])"), bench);
    }
}
