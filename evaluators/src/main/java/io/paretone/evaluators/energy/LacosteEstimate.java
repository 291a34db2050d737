package io.paretone.evaluators.energy;

import ai.djl.Device;

/**
 * The device count and p_max that the Lacoste et al. estimate assumes for a device.
 *
 * <p>On a CPU: one device whose p_max is every core busy at the per-core figure. On a GPU without
 * a power-limit reading: {@value #DEFAULT_GPU_PMAX_KW} kW, the V100's TDP, the upper end of the
 * published models' hardware; a measured power limit replaces it once an NVML meter exists.
 *
 * @param devices n
 * @param pMaxKw p_max per device, kW
 */
public record LacosteEstimate(int devices, double pMaxKw) {
    public static final double DEFAULT_GPU_PMAX_KW = 0.3;

    public static LacosteEstimate forDevice(Device device, double wattsPerCore) {
        if (device.isGpu()) {
            return new LacosteEstimate(1, DEFAULT_GPU_PMAX_KW);
        }
        return new LacosteEstimate(1, Runtime.getRuntime().availableProcessors() * wattsPerCore / 1000);
    }
}
