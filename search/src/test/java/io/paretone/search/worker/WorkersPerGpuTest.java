package io.paretone.search.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WorkersPerGpuTest {
    private static final long GIB = 1L << 30;

    @Test
    void busyShareDecidesWhenMemoryIsPlenty() {
        // An H200 (141 GiB) with 3 GiB workers holds 37; one worker 11% busy needs ceil(0.95 / 0.11) = 9.
        assertEquals(9, new WorkersPerGpu(141 * GIB, 3 * GIB, 0.11).count());
        // 30% busy: ceil(0.95 / 0.3) = 4.
        assertEquals(4, new WorkersPerGpu(141 * GIB, 3 * GIB, 0.30).count());
    }

    @Test
    void memoryDecidesWhenCandidatesAreLarge() {
        // A 24 GiB GPU and 6 GiB workers: floor(0.8 x 24 / 6) = 3, though 9 would be needed to fill it.
        assertEquals(3, new WorkersPerGpu(24 * GIB, 6 * GIB, 0.11).count());
    }

    @Test
    void alwaysAtLeastOneAndAtMostTheCap() {
        assertEquals(1, new WorkersPerGpu(8 * GIB, 20 * GIB, 0.05).count(), "one even if it does not fit");
        assertEquals(1, new WorkersPerGpu(141 * GIB, GIB, 1.0).count(), "a worker that fills the GPU alone");
        assertEquals(WorkersPerGpu.MAX_WORKERS, new WorkersPerGpu(141 * GIB, GIB, 0.01).count());
    }
}
