package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.check.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CarbonAccountingTest {
    /**
     * Training costs of published audio models as Lacoste et al.'s formula gives them with
     * alpha = 0.437: the figures quoted in the literature, rounded to 0.1 kg. GANSynth has no
     * quoted figure; its expectation is the hand product 0.437 x 0.3 x 108 = 14.1588.
     */
    @ParameterizedTest(name = "{0}: {1} x {2} kW x {3} h = {4} kg")
    @CsvSource({
        "SampleRNN,  1, 0.25, 168, 18.4",
        "SING,       4, 0.25,  52, 22.7",
        "WaveGAN,    1, 0.25,  96, 10.5",
        "GANSynth,   1, 0.30, 108, 14.1588",
        "FloWaveNet, 1, 0.30, 272, 35.7",
    })
    void lacosteEstimateReproducesPublishedTrainingCosts(String model, int n, double pMaxKw, double hours, double kg) {
        double tolerance = model.equals("GANSynth") ? 1e-9 : 0.05;
        assertEquals(kg, CarbonAccounting.worldAverage().lacosteKgCo2e(n, pMaxKw, hours), tolerance);
    }

    @Test
    void oneKilowattHourEmitsTheGridIntensityTimesPue() {
        assertEquals(0.437, CarbonAccounting.worldAverage().kgCo2e(3.6e6), 1e-12);
        assertEquals(0.2 * 1.5, new CarbonAccounting(0.2, 1.5).kgCo2e(3.6e6), 1e-12);
    }

    /** 2 devices x 0.25 kW x 3 h = 1.5 kWh; x alpha 0.2 x PUE 1.5 = 0.45 kg, as the measured figure counts it. */
    @Test
    void lacosteEstimateIncludesThePueOfTheMeasuredFigure() {
        CarbonAccounting carbon = new CarbonAccounting(0.2, 1.5);
        assertEquals(0.45, carbon.lacosteKgCo2e(2, 0.25, 3), 1e-12);
    }

    @Test
    void nonPositiveIntensityAndPueBelowOneAreRejected() {
        assertThrows(InvalidValueException.class, () -> new CarbonAccounting(0, 1));
        assertThrows(InvalidValueException.class, () -> new CarbonAccounting(0.4, 0.5));
        assertThrows(InvalidValueException.class, () -> new CarbonAccounting(0.4, 0.99));
    }

    @Test
    void regionGivesItsIntensityAndAGivenIntensityOverridesIt() {
        CarbonAccounting france = CarbonAccounting.of("FR", null, 1.2);
        assertEquals(0.0674, france.kgPerKwh(), 1e-9);
        assertEquals(1.2, france.pue());
        assertTrue(france.source().contains("France") && france.source().contains("2021"), france.source());
        CarbonAccounting given = CarbonAccounting.of("FR", 0.1, null);
        assertEquals(0.1, given.kgPerKwh());
        assertEquals(1.0, given.pue());
        assertTrue(given.source().contains("overrides region FR"), given.source());
        assertEquals(
                CarbonAccounting.WORLD_AVERAGE_2018,
                CarbonAccounting.of(null, null, null).kgPerKwh());
        assertThrows(InvalidValueException.class, () -> CarbonAccounting.of("Atlantis", null, null));
    }
}
