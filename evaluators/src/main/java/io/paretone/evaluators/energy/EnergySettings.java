package io.paretone.evaluators.energy;

import io.paretone.spaces.check.Check;
import java.util.OptionalDouble;

/**
 * How a study measures energy. The defaults live in {@link #defaults()} and only there.
 *
 * @param meter which meters may be used
 * @param wattsPerCpu power of one busy logical CPU for the CPU-time estimate; overrides the TDP
 * @param cpuTdpWatts TDP of the CPU package for the CPU-time estimate; overrides the TDP table
 * @param gpuTdpWatts TDP of each GPU, for the estimate where NVML cannot read it
 * @param ramWattsPerGb power of resident memory
 */
public record EnergySettings(
        MeterChoice meter,
        OptionalDouble wattsPerCpu,
        OptionalDouble cpuTdpWatts,
        OptionalDouble gpuTdpWatts,
        double ramWattsPerGb) {

    public EnergySettings {
        Check.notNull("meter", meter);
        wattsPerCpu.ifPresent(v -> Check.positive("watts_per_core", v));
        cpuTdpWatts.ifPresent(v -> Check.positive("tdp", v));
        gpuTdpWatts.ifPresent(v -> Check.positive("gpu_tdp", v));
        Check.positive("ram_watts_per_gb", ramWattsPerGb);
    }

    /** Automatic meters, TDPs from the table, {@link RamEnergyMeter#DEFAULT_WATTS_PER_GB} for RAM. */
    public static EnergySettings defaults() {
        return new EnergySettings(
                MeterChoice.AUTO,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                RamEnergyMeter.DEFAULT_WATTS_PER_GB);
    }

    public EnergySettings withMeter(MeterChoice v) {
        return new EnergySettings(v, wattsPerCpu, cpuTdpWatts, gpuTdpWatts, ramWattsPerGb);
    }

    public EnergySettings withWattsPerCpu(double v) {
        return new EnergySettings(meter, OptionalDouble.of(v), cpuTdpWatts, gpuTdpWatts, ramWattsPerGb);
    }

    public EnergySettings withCpuTdpWatts(double v) {
        return new EnergySettings(meter, wattsPerCpu, OptionalDouble.of(v), gpuTdpWatts, ramWattsPerGb);
    }

    public EnergySettings withGpuTdpWatts(double v) {
        return new EnergySettings(meter, wattsPerCpu, cpuTdpWatts, OptionalDouble.of(v), ramWattsPerGb);
    }

    public EnergySettings withRamWattsPerGb(double v) {
        return new EnergySettings(meter, wattsPerCpu, cpuTdpWatts, gpuTdpWatts, v);
    }
}
