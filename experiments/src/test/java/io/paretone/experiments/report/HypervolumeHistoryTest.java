package io.paretone.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paretone.search.store.RunFolderFixture;
import io.paretone.search.store.RunFolderReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HypervolumeHistoryTest {
    @TempDir
    Path runs;

    @Test
    void hypervolumeAfterEachTrialMatchesTheBoxesByHand() {
        RunFolderFixture f = RunFolderFixture.create(runs, "hv");
        f.complete(0, 1e-5, 1_000, 100, 0.5); // best on the first three objectives, worst quality
        f.failed(0, "diverged"); // changes nothing
        f.complete(1, 3e-5, 3_000, 300, 0.1); // worst on the first three, best quality
        f.complete(1, 3e-5, 3_000, 300, 0.5); // dominated by both: changes nothing
        f.finish();

        HypervolumeHistory h = HypervolumeHistory.of(new RunFolderReader(f.path()).read());

        // Scaled to [0, 1/1.1] between best and worst: trial 1 = (0, 0, 0, 1/1.1), trial 3 = (1/1.1, 1/1.1, 1/1.1, 0).
        // Box of trial 1 up to the reference point 1: 1 x 1 x 1 x a, with a = 1 - 1/1.1 = 1/11.
        // Adding trial 3's box a x a x a x 1 and removing their overlap a^4.
        double a = 1 - 1 / 1.1;
        List<HypervolumeHistory.Point> p = h.points();
        assertEquals(4, p.size());
        assertEquals(a, p.get(0).hypervolume(), 1e-12);
        assertEquals(a, p.get(1).hypervolume(), 1e-12);
        assertEquals(a + a * a * a - a * a * a * a, p.get(2).hypervolume(), 1e-12);
        assertEquals(p.get(2).hypervolume(), p.get(3).hypervolume(), 1e-12);
        // CO2e spent: 1e-5, failed trials record none, then 3e-5 and 3e-5 more
        assertEquals(1e-5, p.get(1).kgCo2eSpent(), 1e-15);
        assertEquals(4e-5, p.get(2).kgCo2eSpent(), 1e-15);
        assertEquals(7e-5, p.get(3).kgCo2eSpent(), 1e-15);
        assertEquals(
                List.of(1, 2, 3, 4),
                p.stream().map(HypervolumeHistory.Point::trials).toList());
    }
}
