package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeEnergyMeterTest extends EnergyMeterContract {
    @Override
    protected EnergyMeter meter() {
        return new CompositeEnergyMeter(List.of(
                new CpuTimeEnergyMeter(10),
                new GpuTdpEnergyMeter(1, 250, "given"),
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
        assertEquals(
                List.of("cpu", "gpu", "ram"),
                r.devices().stream().map(MeteredDevice::kind).toList());
        assertTrue(r.method().contains("gpu-tdp") && r.method().contains("estimated"), r.method());
    }

    @Test
    void measuredWhenEveryPartIsMeasured() {
        FakeGpu gpu = new FakeGpu(0, true);
        EnergyMeter.Window w = new CompositeEnergyMeter(
                        List.of(new NvmlEnergyMeter(List.of(gpu), DeviceSync.NONE, 20, false)))
                .start();
        gpu.joules += 5;
        EnergyReading r = w.stop();
        assertFalse(r.estimated());
        assertEquals(5, r.joules(), 1e-9);
    }

    /** A meter whose every window reads the given energy, labelled as given. */
    private static EnergyMeter fixed(String name, double joules, boolean estimated) {
        return new EnergyMeter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public MeterAvailability availability() {
                return MeterAvailability.yes("fixed");
            }

            @Override
            public Window start() {
                return new ClosableWindow() {
                    @Override
                    protected EnergyReading measure() {
                        return new EnergyReading(joules, 1, name, estimated, "fixed");
                    }
                };
            }
        };
    }

    private static EnergyReading read(EnergyMeter... parts) {
        return new CompositeEnergyMeter(List.of(parts)).start().stop();
    }

    @Test
    void measuredWhenMeasuredPartsHoldAtLeastNinetyPercentOfTheJoules() {
        // NVML 95 J measured + RAM 5 J estimated: 95% measured.
        EnergyReading gpuAndRam = read(fixed("nvml", 95, false), fixed("ram", 5, true));
        assertFalse(gpuAndRam.estimated());
        assertEquals(
                List.of(false, true),
                gpuAndRam.parts().stream().map(EnergyReading::estimated).toList(),
                "each part keeps its own label");
        // Exactly 90%: measured. 89 J of 100: estimated.
        assertFalse(read(fixed("nvml", 90, false), fixed("ram", 10, true)).estimated());
        assertTrue(read(fixed("nvml", 89, false), fixed("ram", 11, true)).estimated());
        // CPU time estimated, 60 J, beside a measured GPU's 40 J: estimated.
        assertTrue(read(fixed("nvml", 40, false), fixed("cpu-time", 60, true)).estimated());
    }

    @Test
    void anEmptyWindowIsMeasuredOnlyWhenEveryPartIs() {
        assertFalse(read(fixed("nvml", 0, false), fixed("rapl", 0, false)).estimated());
        assertTrue(read(fixed("nvml", 0, false), fixed("ram", 0, true)).estimated());
    }

    @Test
    void unavailablePartMakesTheWholeUnavailableWithItsReason() {
        var composite = new CompositeEnergyMeter(
                List.of(new CpuTimeEnergyMeter(10), NvmlEnergyMeter.forCudaDevices(List.of(99), DeviceSync.NONE)));
        assertFalse(composite.availability().available());
        assertTrue(
                composite.availability().reason().startsWith("nvml: "),
                composite.availability().reason());
    }
}
