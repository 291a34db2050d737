package io.paretone.search.store;

import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A process that works through one study of a shared store as a search would: asks for every
 * architecture of each generation, claims what is queued, finishes it. Prints the trial numbers it
 * finished, one per line. Run by {@link TwoProcessStoreTest}.
 */
public final class StoreAppender {
    private StoreAppender() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int generations = Integer.parseInt(args[1]);
        int perGeneration = Integer.parseInt(args[2]);
        String owner = OwnerLiveness.newSession();
        try (SqliteTrialStore store = SqliteTrialStore.open(file)) {
            long study = store.openStudy(SqliteTrialStoreTest.study("shared")).id();
            for (int g = 0; g < generations; g++) {
                List<TrialRequest> requests = new ArrayList<>();
                for (int i = 0; i < perGeneration; i++) {
                    // Half of each generation repeats the previous one's architectures, as NSGA-II does.
                    requests.add(SqliteTrialStoreTest.request("arch-" + (g * perGeneration / 2 + i), g));
                }
                for (TrialRow t : store.ask(study, requests)) {
                    if (t.outcome().status() == TrialStatus.QUEUED
                            && store.claim(t.id(), new Claim(owner, "w", "cpu()"))) {
                        boolean mine = store.finish(
                                t.id(),
                                owner,
                                new TrialOutcome(
                                        TrialStatus.COMPLETE,
                                        null,
                                        Map.of("co2e", (double) t.number(), "parameters", 1.0),
                                        null,
                                        null,
                                        null,
                                        1));
                        if (mine) {
                            System.out.println(t.number());
                        }
                    }
                }
                store.recordHypervolume(study, new HypervolumePoint(g, 0, 0, g, 0));
            }
        }
    }
}
