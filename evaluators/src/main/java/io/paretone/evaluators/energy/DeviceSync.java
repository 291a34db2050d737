package io.paretone.evaluators.energy;

/**
 * Waits until a device has finished the work queued on it. GPUs run kernels asynchronously, so a
 * meter reads its counter only after this returns; otherwise queued work of the window would be
 * charged to whatever comes after it.
 */
@FunctionalInterface
public interface DeviceSync {
    /** For devices that run synchronously (the CPU) and for tests. */
    DeviceSync NONE = () -> {};

    void await();
}
