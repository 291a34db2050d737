package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GpuTdpEnergyMeterTest extends EnergyMeterContract {
    @Override
    protected EnergyMeter meter() {
        return new GpuTdpEnergyMeter(2, 300, "given");
    }

    @Override
    protected boolean estimates() {
        return true;
    }

    @Test
    void everyGpuDrawsItsTdpForTheWholeWindow() {
        EnergyMeter.Window w = meter().start();
        work();
        EnergyReading r = w.stop();
        assertEquals(2 * 300 * r.seconds(), r.joules(), 1e-9);
        assertEquals(2, r.devices().size());
        assertEquals(300, r.devices().get(1).powerLimitWatts());
    }
}
