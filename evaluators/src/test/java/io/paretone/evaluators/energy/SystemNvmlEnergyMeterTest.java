package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract against this machine's real NVML and GPU 0. Without an NVIDIA driver the meter
 * must load, report itself unavailable with the reason, and refuse to start; with one, every
 * measuring test of the contract runs on the real counter.
 */
class SystemNvmlEnergyMeterTest extends EnergyMeterContract {
    @Override
    protected EnergyMeter meter() {
        return NvmlEnergyMeter.forCudaDevices(List.of(0), DeviceSync.NONE);
    }

    @Override
    protected boolean estimates() {
        return false;
    }

    @Override
    protected void work() {
        super.work();
        try {
            // An idle GPU still draws tens of watts; give its counter time to move.
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void answersWhetherNvmlWorksHereWithoutThrowing() {
        NvmlGpus.Result nvml = NvmlGpus.open();
        MeterAvailability a = meter().availability();
        assertTrue(nvml.ok() || !a.available(), a.reason());
        assertFalse(a.reason().isBlank());
    }
}
