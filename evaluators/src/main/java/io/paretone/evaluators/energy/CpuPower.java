package io.paretone.evaluators.energy;

import java.util.Locale;
import java.util.Optional;

/**
 * Power of one fully busy logical CPU, for the CPU-time estimate, and where that figure came from.
 *
 * <p>The figure is the package's TDP divided by its hardware threads: a package with every thread
 * busy then draws its TDP, and process CPU time (which counts every thread of the JVM, PyTorch's
 * native ones included) converts to energy at that rate. It ignores idle power and turbo above TDP.
 *
 * @param wattsPerCpu watts per fully busy logical CPU
 * @param model the CPU model, or "unknown"
 * @param tdpWatts the package TDP behind the figure; NaN when the figure was given directly or
 *     assumed
 * @param basis where the figure came from, in words
 */
public record CpuPower(double wattsPerCpu, String model, double tdpWatts, String basis) {
    /**
     * Used when the CPU is neither in the table nor described by options: a server CPU's TDP
     * divided by its threads lands near it for older parts without SMT (240 W / 24 cores) and above
     * it for newer ones with SMT (280 W / 128 threads = 2.2 W), so it errs high.
     */
    public static final double DEFAULT_WATTS_PER_CPU = 10.0;

    /**
     * Resolves the figure, first match wins: a per-CPU figure given by the user; a package TDP given
     * by the user, divided by the threads per package (from the table when the model is known,
     * else from /proc/cpuinfo); the table's TDP for the model; {@value #DEFAULT_WATTS_PER_CPU} W.
     */
    public static CpuPower resolve(EnergySettings settings, CpuInfo cpu, TdpTable table) {
        if (settings.wattsPerCpu().isPresent()) {
            double w = settings.wattsPerCpu().getAsDouble();
            return new CpuPower(w, cpu.model(), Double.NaN, "as given");
        }
        Optional<TdpTable.Entry> known = table.cpu(cpu.model());
        if (settings.cpuTdpWatts().isPresent()) {
            double tdp = settings.cpuTdpWatts().getAsDouble();
            int threads = known.map(TdpTable.Entry::threads)
                    .orElse(Math.max(1, cpu.logicalCpus() / Math.max(1, cpu.sockets())));
            return new CpuPower(
                    tdp / threads,
                    cpu.model(),
                    tdp,
                    String.format(
                            Locale.ROOT,
                            "TDP %.0f W as given / %d threads per package%s",
                            tdp,
                            threads,
                            known.isPresent() ? " (threads from the TDP table)" : " (logical CPUs listed)"));
        }
        if (known.isPresent()) {
            TdpTable.Entry e = known.get();
            return new CpuPower(
                    e.tdpWatts() / e.threads(),
                    cpu.model(),
                    e.tdpWatts(),
                    String.format(
                            Locale.ROOT,
                            "%s: TDP %.0f W / %d threads, from the TDP table",
                            e.key(),
                            e.tdpWatts(),
                            e.threads()));
        }
        return new CpuPower(
                DEFAULT_WATTS_PER_CPU,
                cpu.model(),
                Double.NaN,
                String.format(
                        Locale.ROOT,
                        "the default: CPU '%s' is not in the TDP table; give --tdp W for its real TDP",
                        cpu.model()));
    }

    /** A figure given directly, for tests and callers that know it. */
    public static CpuPower given(double wattsPerCpu) {
        return new CpuPower(wattsPerCpu, "unknown", Double.NaN, "as given");
    }
}
