package io.paretone.search.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WorkersPerGpuTest {
    private static final long GIB = 1L << 30;

    @Test
    void busyShareDecidesWhenMemoryAndCoresArePlenty() {
        // 30% busy each: 1 - 0.7^8 = 0.942 < 0.95 <= 1 - 0.7^9 = 0.960, so 9.
        assertEquals(9, new WorkersPerGpu(141 * GIB, 3 * GIB, 0.30, 64, 1).count());
        // 50% busy each: 1 - 0.5^4 = 0.9375, 1 - 0.5^5 = 0.969, so 5.
        assertEquals(5, new WorkersPerGpu(141 * GIB, 3 * GIB, 0.50, 64, 1).count());
    }

    @Test
    void onTheH200sSixteenCoresTheCapDecidesForSmallCandidates() {
        // 11% busy each would need 26 workers (1 - 0.89^26 = 0.952); 16 cores leave 14; the cap is 12.
        assertEquals(12, new WorkersPerGpu(141 * GIB, 3 * GIB, 0.11, 16, 1).count());
    }

    @Test
    void coresDecideOnASmallHost() {
        // 8 cores: 2 for the scheduling process and the system, 6 for workers.
        assertEquals(6, new WorkersPerGpu(141 * GIB, 3 * GIB, 0.11, 8, 1).count());
    }

    @Test
    void twoGpusShareTheHostsCoresAndTheReservedTwoAreTakenOnce() {
        // 16 cores, 2 for the scheduling process and the system, 14 for the workers of both GPUs: 7 each
        // (not 16 / 2 - 2 = 6, which would reserve two cores per GPU).
        assertEquals(7, new WorkersPerGpu(141 * GIB, 3 * GIB, 0.11, 16, 2).count());
        // The H200 x2 host's 32 cores leave 15 per GPU; the cap of 12 decides.
        assertEquals(12, new WorkersPerGpu(141 * GIB, 3 * GIB, 0.11, 32, 2).count());
    }

    @Test
    void memoryDecidesWhenCandidatesAreLarge() {
        // A 24 GiB GPU and 6 GiB workers: floor(0.8 x 24 / 6) = 3, though 26 would be needed to fill it.
        assertEquals(3, new WorkersPerGpu(24 * GIB, 6 * GIB, 0.11, 64, 1).count());
    }

    @Test
    void alwaysAtLeastOneAndAtMostTheCap() {
        assertEquals(1, new WorkersPerGpu(8 * GIB, 20 * GIB, 0.05, 64, 1).count(), "one even if it does not fit");
        assertEquals(1, new WorkersPerGpu(141 * GIB, GIB, 1.0, 64, 1).count(), "a worker that fills the GPU alone");
        assertEquals(1, new WorkersPerGpu(141 * GIB, GIB, 0.11, 2, 1).count(), "one even on two cores");
        assertEquals(WorkersPerGpu.MAX_WORKERS, new WorkersPerGpu(141 * GIB, GIB, 0.01, 64, 1).count());
    }
}
