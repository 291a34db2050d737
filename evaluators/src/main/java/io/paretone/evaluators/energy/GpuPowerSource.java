package io.paretone.evaluators.energy;

/**
 * What the NVML meter reads of one GPU. {@link NvmlGpus} provides it through the NVIDIA driver;
 * tests use a fake with known power.
 */
public interface GpuPowerSource {
    /** NVML's index of the GPU. */
    int index();

    String name();

    /** The enforced power limit in watts; NaN when the driver does not report it. */
    double powerLimitWatts();

    String driverVersion();

    /** True when the GPU has a total-energy counter (NVIDIA Volta and later). */
    boolean hasEnergyCounter();

    /** The driver's energy counter in joules, since the driver loaded; only with {@link #hasEnergyCounter()}. */
    double totalEnergyJoules();

    /** The power the GPU draws now, in watts. */
    double powerWatts();

    /** The GPU's memory in bytes, for {@code paretone doctor}; -1 when unknown. */
    default long memoryBytes() {
        return -1;
    }
}
