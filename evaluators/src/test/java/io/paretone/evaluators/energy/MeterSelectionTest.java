package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.paretone.spaces.check.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which meters a study gets, on fake machines with and without RAPL and NVML. */
class MeterSelectionTest {
    private static final EnergyMeter NO_RAPL = new RaplEnergyMeter(java.nio.file.Path.of("/nonexistent-powercap"));

    private static MeterSources machine(EnergyMeter rapl, NvmlEnergyMeter nvml) {
        return new MeterSources() {
            @Override
            public EnergyMeter rapl() {
                return rapl;
            }

            @Override
            public NvmlEnergyMeter nvml(List<Integer> cudaIndices) {
                return nvml;
            }

            @Override
            public CpuInfo cpu() {
                return new CpuInfo("AMD EPYC 7763 64-Core Processor", 4, 1);
            }

            @Override
            public TdpTable tdp() {
                return TdpTable.shipped();
            }

            @Override
            public int availableProcessors() {
                return 4;
            }
        };
    }

    private static NvmlEnergyMeter nvml() {
        return new NvmlEnergyMeter(List.of(new FakeGpu(0, true)), DeviceSync.NONE, 20, false);
    }

    private static NvmlEnergyMeter noNvml() {
        return NvmlEnergyMeter.forCudaDevices(List.of(99), DeviceSync.NONE);
    }

    private static List<String> parts(MeterSelection s) {
        return ((CompositeEnergyMeter) s.meter())
                .parts().stream().map(EnergyMeter::name).toList();
    }

    @Test
    void cpuWithoutRaplFallsBackToTheEstimateAndSaysWhy() {
        MeterSelection s = MeterSelection.choose(EnergySettings.defaults(), Device.cpu(), machine(NO_RAPL, noNvml()));
        assertEquals(List.of("cpu-time", "ram"), parts(s));
        assertEquals(1, s.notes().size());
        assertTrue(
                s.notes().get(0).startsWith("RAPL not used: there is no"),
                s.notes().get(0));
        // Lacoste on a CPU: 4 usable CPUs x (280 W / 128 threads).
        assertEquals(4 * 280.0 / 128 / 1000, s.lacoste().pMaxKw(), 1e-12);
        assertEquals(1, s.lacoste().devices());
    }

    @Test
    void gpuWithNvmlIsMeasuredAndItsPowerLimitIsPMax() {
        MeterSelection s = MeterSelection.choose(EnergySettings.defaults(), Device.gpu(0), machine(NO_RAPL, nvml()));
        assertEquals(List.of("cpu-time", "nvml", "ram"), parts(s));
        assertEquals(0.3, s.lacoste().pMaxKw(), 1e-12);
        assertTrue(
                s.lacoste().basis().contains("power limit NVML reports"),
                s.lacoste().basis());
    }

    @Test
    void gpuWithoutNvmlIsEstimatedAtItsGivenTdp() {
        MeterSelection s = MeterSelection.choose(
                EnergySettings.defaults().withGpuTdpWatts(450), Device.gpu(0), machine(NO_RAPL, noNvml()));
        assertEquals(List.of("cpu-time", "gpu-tdp", "ram"), parts(s));
        assertEquals(0.45, s.lacoste().pMaxKw(), 1e-12);
        assertTrue(
                s.notes().stream().anyMatch(n -> n.startsWith("NVML not used")),
                s.notes().toString());
    }

    @Test
    void estimateChoiceUsesNoCounterEvenWhereOneExists() {
        MeterSelection s = MeterSelection.choose(
                EnergySettings.defaults().withMeter(MeterChoice.ESTIMATE), Device.gpu(0), machine(NO_RAPL, nvml()));
        assertEquals(List.of("cpu-time", "gpu-tdp", "ram"), parts(s));
        assertTrue(s.notes().isEmpty());
        assertEquals(LacosteEstimate.DEFAULT_GPU_PMAX_KW, s.lacoste().pMaxKw(), 1e-12);
    }

    @Test
    void insistingOnAMeterThatCannotReadIsAnErrorWithTheReason() {
        InvalidValueException rapl = assertThrows(
                InvalidValueException.class,
                () -> MeterSelection.choose(
                        EnergySettings.defaults().withMeter(MeterChoice.RAPL),
                        Device.cpu(),
                        machine(NO_RAPL, noNvml())));
        assertTrue(
                rapl.getMessage().contains("there is no") && rapl.getMessage().contains("--meter auto"),
                rapl.getMessage());
        InvalidValueException nvmlOnCpu = assertThrows(
                InvalidValueException.class,
                () -> MeterSelection.choose(
                        EnergySettings.defaults().withMeter(MeterChoice.NVML), Device.cpu(), machine(NO_RAPL, nvml())));
        assertTrue(nvmlOnCpu.getMessage().contains("--device gpu"), nvmlOnCpu.getMessage());
    }

    @Test
    void meterNamesParseInAnyCaseAndOthersAreRejected() {
        assertEquals(MeterChoice.RAPL, MeterChoice.parse(" Rapl "));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> MeterChoice.parse("joulemeter"));
        assertTrue(e.getMessage().contains("auto, rapl, nvml or estimate"), e.getMessage());
    }
}
