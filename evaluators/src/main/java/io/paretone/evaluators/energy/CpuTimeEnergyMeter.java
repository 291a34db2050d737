package io.paretone.evaluators.energy;

import io.paretone.spaces.check.Check;
import java.lang.management.ManagementFactory;

/**
 * Estimates energy as this process's CPU time x a per-core power figure, for machines without a
 * power counter (no RAPL, no NVML), such as most containers and laptops without root.
 *
 * <p>Process CPU time counts every thread of the JVM, including PyTorch's native compute threads,
 * so two busy cores for one second count two core-seconds. The default figure is
 * {@value #DEFAULT_WATTS_PER_CORE} W per fully busy core: a server CPU's TDP divided by its cores
 * lands near it (240 W / 24 cores = 10 W; 85 W / 8 cores = 10.6 W). It ignores idle power,
 * memory and the rest of the machine, so it is a lower bound in spirit; measured meters replace it
 * where a counter exists.
 */
public final class CpuTimeEnergyMeter implements EnergyMeter {
    public static final double DEFAULT_WATTS_PER_CORE = 10.0;

    private final double wattsPerCore;

    public CpuTimeEnergyMeter(double wattsPerCore) {
        this.wattsPerCore = Check.positive("watts per core", wattsPerCore);
    }

    public double wattsPerCore() {
        return wattsPerCore;
    }

    @Override
    public String name() {
        return "cpu-time";
    }

    @Override
    public Window start() {
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        return () -> {
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            double wallSeconds = (System.nanoTime() - wall0) / 1e9;
            return new EnergyReading(
                    cpuSeconds * wattsPerCore,
                    wallSeconds,
                    name(),
                    true,
                    String.format("%.2f s process CPU time x %.1f W per core", cpuSeconds, wattsPerCore));
        };
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getProcessCpuTime();
            if (t >= 0) {
                return t;
            }
        }
        throw new IllegalStateException(
                "this JVM does not report process CPU time; run paretone on a HotSpot/OpenJDK JVM");
    }
}
