package io.paretone.evaluators.energy;

import io.paretone.spaces.check.Check;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Estimates CPU energy as this process's CPU time x the power of one busy logical CPU
 * ({@link CpuPower}), for machines without a power counter (no readable RAPL), such as most
 * containers, VMs and laptops without root.
 *
 * <p>Process CPU time counts every thread of the JVM, PyTorch's native compute threads included,
 * so two busy threads for one second count two CPU-seconds. Other processes are not counted.
 */
public final class CpuTimeEnergyMeter implements EnergyMeter {
    private final CpuPower power;

    public CpuTimeEnergyMeter(CpuPower power) {
        this.power = power;
        Check.positive("watts per CPU", power.wattsPerCpu());
    }

    public CpuTimeEnergyMeter(double wattsPerCpu) {
        this(CpuPower.given(wattsPerCpu));
    }

    @Override
    public String name() {
        return "cpu-time";
    }

    @Override
    public MeterAvailability availability() {
        try {
            processCpuNanos();
            return MeterAvailability.yes(String.format(
                    Locale.ROOT, "process CPU time x %.2f W per CPU (%s)", power.wattsPerCpu(), power.basis()));
        } catch (IllegalStateException e) {
            return MeterAvailability.no(e.getMessage());
        }
    }

    @Override
    public Window start() {
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        MeteredDevice cpu = new MeteredDevice("cpu", power.model(), power.tdpWatts(), null);
        return new ClosableWindow() {
            @Override
            protected EnergyReading measure() {
                double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
                double wallSeconds = (System.nanoTime() - wall0) / 1e9;
                return new EnergyReading(
                        cpuSeconds * power.wattsPerCpu(),
                        wallSeconds,
                        name(),
                        true,
                        String.format(
                                Locale.ROOT,
                                "%.2f s process CPU time x %.2f W per CPU (%s)",
                                cpuSeconds,
                                power.wattsPerCpu(),
                                power.basis()),
                        List.of(cpu),
                        List.of());
            }
        };
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getProcessCpuTime();
            if (t >= 0) {
                return t;
            }
        }
        throw new IllegalStateException(
                "this JVM does not report process CPU time; run paretone on a HotSpot/OpenJDK JVM");
    }
}
