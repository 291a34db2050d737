package io.paretone.evaluators.energy;

/**
 * The device count and p_max that the Lacoste et al. (2019) estimate assumes:
 * CO2e = alpha x n x p_max x hours, every device at its maximum power for the whole time.
 *
 * <p>{@link MeterSelection} fills it in: on a GPU, p_max is the power limit NVML reports, else the
 * TDP (given, or from the table), else {@value #DEFAULT_GPU_PMAX_KW} kW, a V100's TDP, the upper
 * end of the published models' hardware; on a CPU, n = 1 and p_max is the CPUs this process may
 * use x the power of one busy CPU.
 *
 * @param devices n
 * @param pMaxKw p_max per device, kW
 * @param basis where n and p_max came from, in words
 */
public record LacosteEstimate(int devices, double pMaxKw, String basis) {
    public static final double DEFAULT_GPU_PMAX_KW = 0.3;

    public LacosteEstimate(int devices, double pMaxKw) {
        this(devices, pMaxKw, devices + " device(s) at " + pMaxKw + " kW");
    }
}
