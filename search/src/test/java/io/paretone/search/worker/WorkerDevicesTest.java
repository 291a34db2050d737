package io.paretone.search.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.runtime.DjlRuntime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerDevicesTest {
    private static final long GIB = 1L << 30;

    @Test
    void aNumberOfWorkersGetsTheListedGpusInTurn() {
        assertEquals(
                List.of("gpu:0", "gpu:1", "gpu:0", "gpu:1", "gpu:0"),
                WorkerDevices.inTurn(List.of("gpu:0", "gpu:1"), 5));
        assertEquals(List.of("cpu"), WorkerDevices.inTurn(List.of("cpu"), 1));
    }

    @Test
    void autoWorkersAreCountedOnEachGpuFromItsOwnMemoryAndHandedOutInTurn() {
        // GPU 0: 141 GiB, GPU 1: 24 GiB; 6 GiB workers, 11% busy each, 64 cores shared by the two GPUs.
        // By hand: GPU 0 holds floor(0.8 x 141 / 6) = 18, the busy share asks 26, cores (64 - 2) / 2 = 31,
        // the cap is 12: 12. GPU 1 holds floor(0.8 x 24 / 6) = 3: 3.
        Map<Integer, Long> memory = Map.of(0, 141 * GIB, 1, 24 * GIB);
        List<String> notes = new ArrayList<>();
        List<String> devices =
                WorkerDevices.auto(List.of("gpu:0", "gpu:1"), memory::get, 6 * GIB, 0.11, 64, notes::add);

        assertEquals(12, Collections.frequency(devices, "gpu:0"));
        assertEquals(3, Collections.frequency(devices, "gpu:1"));
        assertEquals(
                List.of("gpu:0", "gpu:1", "gpu:0", "gpu:1", "gpu:0", "gpu:1", "gpu:0", "gpu:0"),
                devices.subList(0, 8),
                "in turn while both have workers left");
        assertEquals(2, notes.size(), "one rule per GPU: " + notes);
        assertTrue(notes.get(1).startsWith("gpu:1: 3 workers per GPU"), notes.get(1));
    }

    @Test
    void autoOnTwoEqualGpusSplitsTheHostsCoresBetweenThem() {
        // 16 cores less 2, split between 2 GPUs: 7 workers each (the busy share would ask 26, memory 37).
        List<String> devices =
                WorkerDevices.auto(List.of("gpu:0", "gpu:1"), cuda -> 141 * GIB, 3 * GIB, 0.11, 16, note -> {});
        assertEquals(WorkerDevices.inTurn(List.of("gpu:0", "gpu:1"), 14), devices);
    }

    @Test
    void autoGivesACpuOneWorkerAndAGpuNvmlCannotSeeOne() {
        List<String> devices = WorkerDevices.auto(List.of("cpu", "gpu:1"), cuda -> 0, 3 * GIB, 0.11, 16, note -> {});
        assertEquals(List.of("cpu", "gpu:1"), devices);
    }

    @Test
    void gpuNamesGiveTheirCudaIndexAndTheCpuNone() {
        assertEquals(0, DjlRuntime.cudaIndex("gpu"));
        assertEquals(0, DjlRuntime.cudaIndex("auto"));
        assertEquals(3, DjlRuntime.cudaIndex("gpu:3"));
        assertEquals(-1, DjlRuntime.cudaIndex("cpu"));
    }
}
