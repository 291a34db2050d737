package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeEnergyMeterTest extends EnergyMeterContract {
    @Override
    protected EnergyMeter meter() {
        return new CompositeEnergyMeter(List.of(new CpuTimeEnergyMeter(10), new GpuTdpEnergyMeter(1, 250, "given"),
                new RamEnergyMeter(RamEnergyMeter.DEFAULT_WATTS_PER_GB)));
    }

    @Override
    protected boolean estimates() {
        return true;
    }

    @Test
    void totalIsTheSumOfItsPartsWhichAreKept() {
        EnergyMeter.Window w = meter().start();
        work();
        EnergyReading r = w.stop();
        assertEquals("cpu-time+gpu-tdp+ram", r.meter());
        assertEquals(3, r.parts().size());
        assertEquals(r.parts().stream().mapToDouble(EnergyReading::joules).sum(), r.joules(), 1e-9);
        assertEquals(List.of("cpu", "gpu", "ram"), r.devices().stream().map(MeteredDevice::kind).toList());
        assertTrue(r.method().contains("gpu-tdp") && r.method().contains("estimated"), r.method());
    }

    @Test
    void measuredWhenEveryPartIsMeasured() {
        FakeGpu gpu = new FakeGpu(0, true);
        EnergyMeter.Window w = new CompositeEnergyMeter(List.of(new NvmlEnergyMeter(List.of(gpu), DeviceSync.NONE, 20, false)))
                .start();
        gpu.joules += 5;
        EnergyReading r = w.stop();
        assertFalse(r.estimated());
        assertEquals(5, r.joules(), 1e-9);
    }

    @Test
    void unavailablePartMakesTheWholeUnavailableWithItsReason() {
        var composite = new CompositeEnergyMeter(List.of(new CpuTimeEnergyMeter(10),
                NvmlEnergyMeter.forCudaDevices(List.of(99), DeviceSync.NONE)));
        assertFalse(composite.availability().available());
        assertTrue(composite.availability().reason().startsWith("nvml: "), composite.availability().reason());
    }
}
