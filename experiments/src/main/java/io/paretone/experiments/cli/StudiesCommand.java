package io.paretone.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.experiments.config.UsageException;
import io.paretone.search.store.OwnerLiveness;
import io.paretone.search.store.SqliteTrialStore;
import io.paretone.search.store.StudyOverview;
import io.paretone.search.store.StudyState;
import io.paretone.search.trial.SearchJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paretone studies}: the studies of a trial store with their progress and footprint. */
@Command(
        name = "studies",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "List the studies in a trial store: progress, hypervolume and energy footprint.")
public final class StudiesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--storage", paramLabel = "FILE", description = "The trial store (default runs/paretone.db).")
    Path storage;

    @Option(names = "--output", paramLabel = "DIR", description = "Folder whose paretone.db to read (default runs).")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path file = storage != null ? storage : (output != null ? output : Path.of("runs")).resolve("paretone.db");
        if (!Files.exists(file)) {
            throw new UsageException("no trial store at " + file + "; give the one a search wrote with --storage FILE"
                    + " or --output DIR");
        }
        List<StudyOverview> studies;
        try (SqliteTrialStore store = SqliteTrialStore.open(file)) {
            studies = store.studies();
        }
        out.printf("%d stud%s in %s%n", studies.size(), studies.size() == 1 ? "y" : "ies", file);
        out.printf(
                Locale.ROOT,
                "%-32s %-7s %-12s %6s %6s %6s %6s %5s %8s %10s %9s  %s%n",
                "study",
                "algo",
                "state",
                "done",
                "failed",
                "pruned",
                "queued",
                "gens",
                "HV",
                "energy[J]",
                "gCO2e",
                "last change");
        OwnerLiveness liveness = new OwnerLiveness(OwnerLiveness.LEASE);
        for (StudyOverview s : studies) {
            String state = s.state().name();
            if (s.state() == StudyState.RUNNING && !liveness.isAlive(s.lastOwner(), s.updatedAt(), Instant.now())) {
                state = "INTERRUPTED";
            }
            out.printf(
                    Locale.ROOT,
                    "%-32s %-7s %-12s %6d %6d %6d %6d %5d %8.4f %10.1f %9.4f  %s%n",
                    s.name(),
                    s.algorithm(),
                    state.toLowerCase(Locale.ROOT),
                    s.complete(),
                    s.failed(),
                    s.pruned(),
                    s.queued() + s.running(),
                    s.generations(),
                    Double.isNaN(s.hypervolume()) ? 0 : s.hypervolume(),
                    s.footprintJoules(),
                    kgCo2e(s) * 1000,
                    s.updatedAt().toString().substring(0, 19).replace('T', ' '));
        }
        out.println(
                "energy, gCO2e: the whole footprint of each study (workers' set-up and training, scheduling) over all"
                        + " its sessions, at the study's carbon intensity and PUE. Resume an interrupted study with"
                        + " 'paretone search --study NAME'.");
        out.flush();
        return ExitCode.OK.code();
    }

    /** The footprint in kgCO2e at the intensity and PUE the study was set up with. */
    private static double kgCo2e(StudyOverview s) {
        JsonNode settings = SearchJson.read(s.settingsJson(), JsonNode.class);
        CarbonAccounting carbon = new CarbonAccounting(
                settings.path("carbon_intensity_kg_per_kwh").asDouble(CarbonAccounting.WORLD_AVERAGE_2018),
                settings.path("pue").asDouble(1.0));
        return carbon.kgCo2e(s.footprintJoules());
    }
}
