package io.paretone.evaluators.energy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Synchronises a DJL GPU the way PyTorch's {@code tensor.item()} does: a tiny array is created on
 * the device and copied back to the host, which waits for every kernel queued before it on the
 * device's stream. DJL exposes no {@code cuda.synchronize()}, and this needs nothing beyond DJL.
 */
public final class DjlDeviceSync implements DeviceSync {
    private final Device device;

    private DjlDeviceSync(Device device) {
        this.device = device;
    }

    /** A sync for {@code device}; {@link DeviceSync#NONE} for the CPU, which has nothing queued. */
    public static DeviceSync of(Device device) {
        return device.isGpu() ? new DjlDeviceSync(device) : DeviceSync.NONE;
    }

    @Override
    public void await() {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            manager.ones(new Shape(1)).toFloatArray();
        }
    }
}
