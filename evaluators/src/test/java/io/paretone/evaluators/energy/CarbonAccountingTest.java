package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paretone.spaces.check.InvalidValueException;
import org.junit.jupiter.api.Test;

class CarbonAccountingTest {
    @Test
    void lacosteEstimateOfWaveGanMatchesThePublishedWorkedFigure() {
        // WaveGAN: one P100 at 0.25 kW for 96 h, 0.437 kgCO2e/kWh => 10.49 kg.
        assertEquals(10.49, CarbonAccounting.worldAverage().lacosteKgCo2e(1, 0.25, 96), 0.005);
    }

    @Test
    void oneKilowattHourEmitsTheGridIntensityTimesPue() {
        assertEquals(0.437, CarbonAccounting.worldAverage().kgCo2e(3.6e6), 1e-12);
        assertEquals(0.2 * 1.5, new CarbonAccounting(0.2, 1.5).kgCo2e(3.6e6), 1e-12);
    }

    @Test
    void nonPositiveIntensityAndPueBelowOneAreRejected() {
        assertThrows(InvalidValueException.class, () -> new CarbonAccounting(0, 1));
        assertThrows(InvalidValueException.class, () -> new CarbonAccounting(0.4, 0.5));
    }
}
