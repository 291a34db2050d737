package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TdpTableTest {
    private final TdpTable table = TdpTable.shipped();

    @Test
    void cpuModelsAsTheKernelNamesThemAreFound() {
        TdpTable.Entry epyc = table.cpu("AMD EPYC 7763 64-Core Processor").orElseThrow();
        assertEquals(280, epyc.tdpWatts());
        assertEquals(128, epyc.threads());
        assertEquals(
                145,
                table.cpu("Intel(R) Xeon(R) CPU E5-2686 v4 @ 2.30GHz")
                        .orElseThrow()
                        .tdpWatts());
        assertEquals(
                350, table.cpu("Intel(R) Xeon(R) Platinum 8480+").orElseThrow().tdpWatts());
    }

    @Test
    void longestWholeWordKeyWins() {
        assertEquals(
                205,
                table.cpu("Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz")
                        .orElseThrow()
                        .tdpWatts());
        assertEquals(
                150,
                table.cpu("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz")
                        .orElseThrow()
                        .tdpWatts());
        assertEquals(400, table.gpu("NVIDIA A100-SXM4-40GB").orElseThrow().tdpWatts());
        assertEquals(150, table.gpu("NVIDIA A10").orElseThrow().tdpWatts());
        assertEquals(350, table.gpu("NVIDIA L40S").orElseThrow().tdpWatts());
        assertEquals(72, table.gpu("NVIDIA L4").orElseThrow().tdpWatts());
        assertEquals(700, table.gpu("NVIDIA H100 80GB HBM3").orElseThrow().tdpWatts());
        assertEquals(600, table.gpu("NVIDIA H200 NVL").orElseThrow().tdpWatts());
    }

    @Test
    void unknownModelsAreNotGuessed() {
        assertTrue(table.cpu("AMD EPYC").isEmpty());
        assertTrue(table.cpu("AMD EPYC 77630").isEmpty());
        assertTrue(table.gpu("NVIDIA A1000").isEmpty());
        assertTrue(table.gpu(null).isEmpty());
    }

    @Test
    void everyEntryIsPlausible() {
        assertTrue(table.entries().size() > 40);
        for (TdpTable.Entry e : table.entries()) {
            assertTrue(e.tdpWatts() >= 35 && e.tdpWatts() <= 1000, e.toString());
            assertTrue(
                    e.kind().equals("gpu") ? e.threads() == 0 : e.threads() >= 4 && e.threads() <= 256, e.toString());
        }
    }
}
