package io.paretone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paretone.search.footprint.DeviceShares;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedDeviceChargeTest {
    @Test
    void aTrialIsChargedItsFractionOfTheDeviceOnEveryEnergyFigureOnly() {
        TrialOutcome measured = new TrialOutcome(
                TrialStatus.COMPLETE,
                null,
                Map.of("co2e", 8e-6, "inference_energy", 2.0, "parameters", 5000.0, "one_minus_pmos", 0.4),
                null,
                null,
                null,
                120);
        // 30 J of the 120 J the device used while the trial ran were its share: a quarter.
        TrialOutcome charged = SharedDeviceCharge.apply(measured, new DeviceShares.Share(30, 120, "equal shares"));
        assertEquals(30, charged.totalJoules(), 1e-12);
        assertEquals(2e-6, charged.objectives().get("co2e"), 1e-18);
        assertEquals(0.5, charged.objectives().get("inference_energy"), 1e-12);
        assertEquals(5000.0, charged.objectives().get("parameters"));
        assertEquals(0.4, charged.objectives().get("one_minus_pmos"));
        assertNull(charged.metrics());
    }
}
