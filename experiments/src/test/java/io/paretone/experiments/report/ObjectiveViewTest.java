package io.paretone.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paretone.search.store.StoredObjective;
import io.paretone.search.store.StoredTrial;
import io.paretone.search.trial.Provenance;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import io.paretone.spaces.Domain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How reports label, scale, format and explain each objective, written out by hand per objective and domain. */
class ObjectiveViewTest {
    private static ObjectiveView view(String name, Domain d) {
        return ObjectiveView.of(new StoredObjective(name, "u", "what " + name + " means"), 0, d);
    }

    /** A trial whose energy the named meter measured ({@code estimated} false) or estimated. */
    private static StoredTrial trial(boolean estimated) {
        TrialMetrics m = new TrialMetrics(
                1000, 2000, 0.4, null, 10, 1e-6, 1e-6, 1, 1, 1, 10, 5, 4, "rapl", estimated, "method", 4000, 20, 60,
                16_000, 0.5, 100, 2, 1e-7, "cpu", List.of());
        Provenance p = new Provenance(7, "cpu()", "notes", "hash", "dev", "0.36.0", "17", "Linux", "node-1");
        return new StoredTrial(
                1,
                0,
                "toy",
                Map.of(),
                "toy",
                new TrialOutcome(TrialStatus.COMPLETE, null, Map.of("co2e", 0.0123), m, p, null, 0));
    }

    private static void assertLabels(ObjectiveView v, String label, String title, double scale, boolean log) {
        assertEquals(label, v.label());
        assertEquals(title, v.title());
        assertEquals(scale, v.scale());
        assertEquals(log, v.logScale());
    }

    @Test
    void labelsAndScalesNameEachDomainsUnit() {
        assertLabels(view("co2e", Domain.AUDIO), "CO2e [g]", "training CO2e [gCO2e]", 1000, true);
        assertLabels(view("parameters", Domain.IMAGE), "params", "trainable parameters", 1, true);
        assertLabels(view("flops", Domain.AUDIO), "FLOPs/s", "FLOPs per generated second of audio", 1, true);
        assertLabels(view("fpos", Domain.IMAGE), "FLOPs/img", "FLOPs per generated image", 1, true);
        assertLabels(
                view("one_minus_pmos", Domain.IMAGE), "1-%MOS", "1 - %MOS (0 = like real images, 1 = noise)", 1, false);
        assertLabels(
                view("inference_energy", Domain.AUDIO),
                "gen J/s",
                "generation energy [J per second of audio]",
                1,
                true);
        assertLabels(view("latency", Domain.AUDIO), "RTF", "real-time factor [s per second of audio]", 1, true);
        assertLabels(view("latency", Domain.IMAGE), "s/img", "generation time [s per image]", 1, true);
        assertLabels(view("mystery", Domain.AUDIO), "mystery", "mystery [u]", 1, false);
    }

    @Test
    void valuesAreFormattedAsCountsFixedOrSignificantDigits() {
        assertEquals("12.30", view("co2e", Domain.AUDIO).format(0.0123));
        assertEquals("1.23M", view("parameters", Domain.AUDIO).format(1_234_567));
        assertEquals("2.00k", view("fpos", Domain.AUDIO).format(2000));
        assertEquals("0.1235", view("one_minus_pmos", Domain.AUDIO).format(0.123456));
        assertEquals("0.1235", view("latency", Domain.AUDIO).format(0.123456));
        assertEquals("0.1235", view("mystery", Domain.AUDIO).format(0.123456));
    }

    @Test
    void basisFollowsTheEnergyMeterForEnergyObjectives() {
        StoredTrial measured = trial(false);
        StoredTrial estimated = trial(true);
        assertEquals("measured", view("co2e", Domain.AUDIO).basis(measured));
        assertEquals("estimated", view("co2e", Domain.AUDIO).basis(estimated));
        assertEquals("measured", view("inference_energy", Domain.AUDIO).basis(measured));
        assertEquals("estimated", view("inference_energy", Domain.AUDIO).basis(estimated));
        assertEquals("counted", view("parameters", Domain.AUDIO).basis(measured));
        assertEquals("counted", view("flops", Domain.AUDIO).basis(measured));
        assertEquals("estimated", view("one_minus_pmos", Domain.AUDIO).basis(measured));
        assertEquals("measured", view("latency", Domain.AUDIO).basis(estimated));
        assertEquals("measured", view("mystery", Domain.AUDIO).basis(estimated));
    }

    @Test
    void howNamesTheMeterAndTheDomainsUnit() {
        assertEquals(
                "training energy measured by the rapl meter x grid carbon intensity",
                view("co2e", Domain.AUDIO).how(trial(false)));
        assertEquals(
                "training energy estimated by the rapl meter x grid carbon intensity",
                view("co2e", Domain.AUDIO).how(trial(true)));
        assertEquals(
                "trainable parameters counted", view("parameters", Domain.AUDIO).how(trial(true)));
        assertEquals(
                "forward FLOPs to generate one image, counted from layer shapes",
                view("flops", Domain.IMAGE).how(trial(true)));
        assertEquals(
                "energy of generation per second of audio, measured by the energy meter",
                view("inference_energy", Domain.AUDIO).how(trial(false)));
        assertEquals(
                "energy of generation per image, estimated by the energy meter",
                view("inference_energy", Domain.IMAGE).how(trial(true)));
        assertEquals(
                "measured wall time to generate one image on the trial's device",
                view("latency", Domain.IMAGE).how(trial(true)));
        assertEquals(
                "1 - %MOS from the calibrated quality proxy, not a listening test",
                view("one_minus_pmos", Domain.IMAGE).how(trial(true)));
        assertEquals("what mystery means", view("mystery", Domain.IMAGE).how(trial(true)));
    }
}
