package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuPowerTest {
    private static final CpuInfo EPYC_7763 = new CpuInfo("AMD EPYC 7763 64-Core Processor", 256, 2);
    private static final CpuInfo UNKNOWN = new CpuInfo("AMD EPYC", 8, 1);
    private final TdpTable table = TdpTable.shipped();

    @Test
    void knownCpuDrawsItsTdpSharedByItsThreads() {
        CpuPower p = CpuPower.resolve(EnergySettings.defaults(), EPYC_7763, table);
        assertEquals(280.0 / 128, p.wattsPerCpu(), 1e-12);
        assertEquals(280, p.tdpWatts());
    }

    @Test
    void givenTdpIsSharedByTheTablesThreadsOrTheListedOnes() {
        assertEquals(
                200.0 / 128,
                CpuPower.resolve(EnergySettings.defaults().withCpuTdpWatts(200), EPYC_7763, table)
                        .wattsPerCpu(),
                1e-12);
        assertEquals(
                80.0 / 8,
                CpuPower.resolve(EnergySettings.defaults().withCpuTdpWatts(80), UNKNOWN, table)
                        .wattsPerCpu(),
                1e-12);
    }

    @Test
    void givenWattsPerCpuWinsOverEverything() {
        CpuPower p =
                CpuPower.resolve(EnergySettings.defaults().withCpuTdpWatts(200).withWattsPerCpu(3.5), EPYC_7763, table);
        assertEquals(3.5, p.wattsPerCpu(), 1e-12);
    }

    @Test
    void unknownCpuGetsTheDefaultAndTheAdviceToGiveItsTdp() {
        CpuPower p = CpuPower.resolve(EnergySettings.defaults(), UNKNOWN, table);
        assertEquals(CpuPower.DEFAULT_WATTS_PER_CPU, p.wattsPerCpu());
        assertTrue(p.basis().contains("--tdp"), p.basis());
    }

    @Test
    void cpuinfoIsParsedIntoModelThreadsAndSockets() {
        CpuInfo info = CpuInfo.parse(List.of(
                "processor\t: 0",
                "model name\t: Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz",
                "physical id\t: 0",
                "",
                "processor\t: 1",
                "model name\t: Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz",
                "physical id\t: 0",
                "",
                "processor\t: 2",
                "model name\t: Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz",
                "physical id\t: 1",
                "",
                "processor\t: 3",
                "model name\t: Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz",
                "physical id\t: 1"));
        assertEquals(new CpuInfo("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", 4, 2), info);
        assertTrue(CpuInfo.local().logicalCpus() >= 1);
    }
}
