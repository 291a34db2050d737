package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The NVML meter's logic on fake GPUs: counters, polling, synchronisation, CUDA numbering. */
class NvmlEnergyMeterTest extends EnergyMeterContract {
    private final FakeGpu gpu = new FakeGpu(0, true);

    @Override
    protected EnergyMeter meter() {
        return new NvmlEnergyMeter(List.of(gpu), DeviceSync.NONE, 20, false);
    }

    @Override
    protected boolean estimates() {
        return false;
    }

    @Override
    protected void work() {
        super.work();
        gpu.joules += 25;
    }

    @Test
    void counterDifferenceIsTheWindowsEnergyAndTheGpuIsNamed() {
        FakeGpu a = new FakeGpu(0, true);
        FakeGpu b = new FakeGpu(1, true);
        EnergyMeter.Window w = new NvmlEnergyMeter(List.of(a, b), DeviceSync.NONE, 20, false).start();
        a.joules += 12.5;
        b.joules += 7.25;
        EnergyReading r = w.stop();
        assertEquals(19.75, r.joules(), 1e-9);
        assertFalse(r.estimated());
        assertEquals(
                "Fake GPU 0 (power limit 300 W, driver 1.2.3)",
                r.devices().get(0).describe());
        assertTrue(r.method().contains("energy counter"), r.method());
    }

    @Test
    void countersAreReadOnlyAfterTheDeviceIsSynchronised() {
        AtomicInteger syncs = new AtomicInteger();
        FakeGpu g = new FakeGpu(0, true);
        // The sync finishes queued work: here it is what adds the window's energy to the counter.
        DeviceSync sync = () -> {
            syncs.incrementAndGet();
            g.joules += 10;
        };
        EnergyMeter.Window w = new NvmlEnergyMeter(List.of(g), sync, 20, false).start();
        assertEquals(1, syncs.get());
        EnergyReading r = w.stop();
        assertEquals(2, syncs.get());
        assertEquals(10, r.joules(), 1e-9, "work finished by the closing sync belongs to the window");
    }

    @Test
    void gpuWithoutCounterHasItsPowerPolledAndIntegrated() throws InterruptedException {
        FakeGpu g = new FakeGpu(3, false);
        g.watts = 200;
        NvmlEnergyMeter meter = new NvmlEnergyMeter(List.of(g), DeviceSync.NONE, 50, false);
        assertTrue(
                meter.availability().reason().contains("polled at 50 Hz"),
                meter.availability().reason());
        EnergyMeter.Window w = meter.start();
        Thread.sleep(300);
        EnergyReading r = w.stop();
        assertEquals(200 * r.seconds(), r.joules(), 0.02 * 200 * r.seconds());
        assertTrue(r.method().contains("polled"), r.method());
    }

    @Test
    void gpuWithNeitherCounterNorPowerIsUnavailable() {
        GpuPowerSource broken = new FakeGpu(0, false) {
            @Override
            public double powerWatts() {
                throw new IllegalStateException("NVML nvmlDeviceGetPowerUsage failed: Not Supported (3)");
            }
        };
        MeterAvailability a = new NvmlEnergyMeter(List.of(broken), DeviceSync.NONE, 20, false).availability();
        assertFalse(a.available());
        assertTrue(a.reason().contains("Not Supported"), a.reason());
    }

    @Test
    void pollingBelowTenHertzIsRefused() {
        assertThrows(RuntimeException.class, () -> new NvmlEnergyMeter(List.of(gpu), DeviceSync.NONE, 5, false));
    }

    @Test
    void missingNvmlLibraryIsReportedNotThrown() {
        NvmlGpus.Result r = NvmlGpus.open(List.of("paretone-no-such-nvml-library"));
        assertFalse(r.ok());
        assertTrue(r.failure().contains("NVML") && r.failure().contains("paretone-no-such-nvml-library"), r.failure());
        assertTrue(r.gpus().isEmpty());
    }

    @Test
    void cudaDevicesMapToNvmlGpusThroughCudaVisibleDevices() {
        List<GpuPowerSource> all = List.of(new FakeGpu(0, true), new FakeGpu(1, true), new FakeGpu(2, true));
        assertEquals(1, NvmlGpus.forCudaDevices(List.of(1), all, null).get(0).index());
        assertEquals(2, NvmlGpus.forCudaDevices(List.of(0), all, "2,0").get(0).index());
        assertEquals(
                0, NvmlGpus.forCudaDevices(List.of(1), all, " 2, 0 ").get(0).index());
        assertThrows(IllegalArgumentException.class, () -> NvmlGpus.forCudaDevices(List.of(1), all, "2"));
        assertThrows(IllegalArgumentException.class, () -> NvmlGpus.forCudaDevices(List.of(0), all, "MIG-1234"));
        assertThrows(IllegalArgumentException.class, () -> NvmlGpus.forCudaDevices(List.of(5), all, null));
    }
}
