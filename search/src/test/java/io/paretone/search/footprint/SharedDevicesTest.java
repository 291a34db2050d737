package io.paretone.search.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SharedDevicesTest {
    /** Metering starts before the workers resolve their devices, so every device a name may become is metered. */
    @Test
    void requestedDevicesResolveToEveryDeviceAWorkerMayTrainOn() {
        assertEquals(
                List.of("gpu(0)", "gpu(1)", "cpu()"),
                SharedDevices.resolvable(List.of("gpu", "gpu:1", "cpu", "auto", "GPU:0")));
        assertEquals(List.of("gpu(0)", "cpu()"), SharedDevices.resolvable(List.of("auto")));
        assertEquals(List.of("cpu()"), SharedDevices.resolvable(List.of("cpu", "cpu")));
    }
}
