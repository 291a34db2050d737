package io.paretone.evaluators.energy;

import io.paretone.spaces.check.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Estimates the energy of the memory this process holds: resident memory x a power figure per GB.
 *
 * <p>The default, {@value #DEFAULT_WATTS_PER_GB} W/GB, is CodeCarbon's figure of 3 W per 8 GB of
 * DDR4 (from Micron's DDR4 power guidance). Resident memory is the process's RSS from
 * {@code /proc/self/status}, which counts PyTorch's native tensors as well as the Java heap; where
 * /proc is missing, the Java heap in use is taken instead and the reading says so. Memory is
 * sampled at the start, at every read and at the stop, and integrated over time (trapezoids), so a
 * window's figure follows the memory the candidate really held.
 */
public final class RamEnergyMeter implements EnergyMeter {
    public static final double DEFAULT_WATTS_PER_GB = 3.0 / 8;
    private static final Path STATUS = Path.of("/proc/self/status");

    private final double wattsPerGb;
    private final LongSupplier residentBytes;
    private final String source;

    public RamEnergyMeter(double wattsPerGb) {
        this(
                wattsPerGb,
                RamEnergyMeter::residentBytes,
                Files.isReadable(STATUS) ? "resident memory (RSS)" : "Java heap in use");
    }

    RamEnergyMeter(double wattsPerGb, LongSupplier residentBytes, String source) {
        this.wattsPerGb = Check.positive("RAM watts per GB", wattsPerGb);
        this.residentBytes = residentBytes;
        this.source = source;
    }

    @Override
    public String name() {
        return "ram";
    }

    @Override
    public MeterAvailability availability() {
        return MeterAvailability.yes(String.format(Locale.ROOT, "%s x %.3f W/GB", source, wattsPerGb));
    }

    @Override
    public Window start() {
        return new ClosableWindow() {
            private final long start = System.nanoTime();
            private long lastTime = start;
            private double lastGb = gigabytes();
            private double peakGb = lastGb;
            private double gbSeconds;

            @Override
            protected EnergyReading measure() {
                long now = System.nanoTime();
                double gb = gigabytes();
                gbSeconds += (lastGb + gb) / 2 * (now - lastTime) / 1e9;
                lastTime = now;
                lastGb = gb;
                peakGb = Math.max(peakGb, gb);
                double seconds = (now - start) / 1e9;
                return new EnergyReading(
                        gbSeconds * wattsPerGb,
                        seconds,
                        name(),
                        true,
                        String.format(
                                Locale.ROOT,
                                "%s, %.3f GB on average (peak %.3f GB) x %.3f W/GB",
                                source,
                                seconds > 0 ? gbSeconds / seconds : gb,
                                peakGb,
                                wattsPerGb),
                        List.of(new MeteredDevice("ram", "process memory", Double.NaN, null)),
                        List.of());
            }
        };
    }

    private double gigabytes() {
        return residentBytes.getAsLong() / 1e9;
    }

    /** VmRSS of this process, or the Java heap in use where /proc is not there. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String[] f = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(f[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Falls through to the heap.
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
