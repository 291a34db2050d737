package io.paretone.evaluators.energy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Energy used over one measured window.
 *
 * @param joules energy of the window
 * @param seconds wall time of the window
 * @param meter the meter that produced it
 * @param estimated for a single meter, true when the energy was derived from a model (such as CPU
 *     time x watts) rather than read from a hardware counter; for a reading of several parts, true
 *     when measured parts hold less than {@link #MEASURED_SHARE} of its joules (see
 *     {@link #estimatedWhole}); each part keeps its own label
 * @param method how it was obtained, in words
 * @param devices the hardware it covers, with power limits and driver versions where known
 * @param parts the readings it sums (CPU, GPU, RAM), each with its own meter; empty for a single meter
 */
public record EnergyReading(
        double joules,
        double seconds,
        String meter,
        boolean estimated,
        String method,
        List<MeteredDevice> devices,
        List<EnergyReading> parts) {

    /**
     * A reading of several parts is called measured when measured parts hold at least this share
     * of its joules: RAM is always estimated, but next to a GPU's measured counter it is a few
     * percent of the total and should not make the whole figure an estimate.
     */
    public static final double MEASURED_SHARE = 0.9;

    public EnergyReading {
        devices = List.copyOf(devices);
        parts = List.copyOf(parts);
    }

    /** A reading of one meter that names no device. */
    public EnergyReading(double joules, double seconds, String meter, boolean estimated, String method) {
        this(joules, seconds, meter, estimated, method, List.of(), List.of());
    }

    /** The joules read from hardware counters: all or none for a single meter, summed over parts. */
    public double measuredJoules() {
        if (parts.isEmpty()) {
            return estimated ? 0 : joules;
        }
        return parts.stream().mapToDouble(EnergyReading::measuredJoules).sum();
    }

    /**
     * The label of a reading that sums {@code parts}: estimated unless measured joules are at least
     * {@link #MEASURED_SHARE} of the total (with no energy at all, unless every part is measured).
     */
    public static boolean estimatedWhole(List<EnergyReading> parts) {
        double total = parts.stream().mapToDouble(EnergyReading::joules).sum();
        double measured =
                parts.stream().mapToDouble(EnergyReading::measuredJoules).sum();
        if (total <= 0) {
            return parts.stream().anyMatch(EnergyReading::estimated);
        }
        return measured < MEASURED_SHARE * total;
    }

    public double kilowattHours() {
        return joules / 3.6e6;
    }

    /** Every device, described on one line, separated by semicolons. */
    public String describeDevices() {
        return devices.stream().map(MeteredDevice::describe).collect(Collectors.joining("; "));
    }
}
