package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code paretone published} against the figures of the issue: alpha x n x p_max x t, and 1 - MOS / ground truth. */
class PublishedCommandTest {
    private static String line(String out, String model) {
        return Arrays.stream(out.split("\n"))
                .filter(l -> l.startsWith(model + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + model + " in\n" + out));
    }

    private static void assertColumns(String row, String... expected) {
        for (String e : expected) {
            assertTrue((" " + row + " ").contains(" " + e + " "), "'" + e + "' in: " + row);
        }
    }

    @Test
    void printsCo2eAndOneMinusPercentMosOfEachModel() {
        CliRun run = CliRun.of("published");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        // CO2e kg: 0.437 x 1 x 0.25 x 168 = 18.4; 0.437 x 4 x 0.25 x 52 = 22.7; 0.437 x 0.25 x 96 = 10.5;
        // 0.437 x 0.3 x 108 = 14.2; 0.437 x 0.3 x 272 = 35.7. 1 - %MOS: 1 - 3.55/3.86 = 0.080,
        // 1 - 2.3/3.9 = 0.410, 1 - 3.95/4.67 = 0.154.
        assertColumns(line(out, "SampleRNN"), "1 x GTX TITAN X", "0.25", "168", "18.4", "52.0M", "-");
        assertColumns(line(out, "SING"), "4 x P100", "0.25", "52", "22.7", "64.0M", "0.080", "yes");
        assertColumns(line(out, "WaveGAN"), "1 x P100", "96", "10.5", "89.0M", "0.410", "yes", "no");
        assertColumns(line(out, "GANSynth"), "1 x V100", "0.30", "108", "14.2", "15.0M");
        assertColumns(line(out, "FloWaveNet"), "1 x V100", "272", "35.7", "183M", "0.154", "no");
        assertTrue(line(out, "SING").contains("3.55 +- 0.23 (3.86 +- 0.24)"), line(out, "SING"));
        assertTrue(line(out, "FloWaveNet").contains("3.95 +- 0.15 (4.67 +- 0.08)"), line(out, "FloWaveNet"));
        assertTrue(line(out, "SampleRNN").contains("not reported"));
    }

    @Test
    void namesTheParetoOptimalModelsAndWhereTheCollectionDiffers() {
        String out = CliRun.of("published").out();
        assertTrue(
                out.contains(
                        "Pareto-optimal on (CO2e, 1 - %MOS): SING, WaveGAN (among the 3 models with both figures)"),
                out);
        assertTrue(
                out.contains("Pareto-optimal on (parameters, 1 - %MOS): SING (among the 3 models with both figures)"),
                out);
        assertTrue(out.contains("SING: the collection gives p_max as 1.0 kW in total"), out);
        assertTrue(out.contains("MOS as 2.8 +- 0.24"), out);
        assertTrue(out.contains("Douwes"), out);
        assertTrue(out.contains("trained elsewhere, at full scale"), out);
    }

    @Test
    void anotherCarbonIntensityScalesTheCo2e() {
        // SING at 0.1 kgCO2e/kWh: 0.1 x 4 x 0.25 x 52 = 5.2 kg
        assertColumns(line(CliRun.of("published", "--carbon-intensity", "0.1").out(), "SING"), "5.2");
    }
}
