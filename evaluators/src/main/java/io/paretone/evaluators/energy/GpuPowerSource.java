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

    /**
     * How busy each process kept the GPU since the previous call: the sum of NVML's per-process SM
     * utilisation samples (percent per sample) by process id. Empty where the driver gives none.
     */
    default java.util.Map<Long, Double> processBusySinceLastCall() {
        return java.util.Map.of();
    }

    /** GPU memory each compute process holds now, in bytes, by process id; empty where unknown. */
    default java.util.Map<Long, Long> processMemoryBytes() {
        return java.util.Map.of();
    }

    /** Percent of the last sample period (up to a second) in which a kernel ran; NaN where unknown. */
    default double busyPercent() {
        return Double.NaN;
    }

    /** The GPU's memory in bytes; 0 where unknown. */
    default long memoryBytes() {
        return 0;
    }
}
