package io.paretone.evaluators.energy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Energy used over one measured window.
 *
 * @param joules energy of the window
 * @param seconds wall time of the window
 * @param meter the meter that produced it
 * @param estimated true when any part was derived from a model (such as CPU time x watts) rather
 *     than read from a hardware counter
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

    public EnergyReading {
        devices = List.copyOf(devices);
        parts = List.copyOf(parts);
    }

    /** A reading of one meter that names no device. */
    public EnergyReading(double joules, double seconds, String meter, boolean estimated, String method) {
        this(joules, seconds, meter, estimated, method, List.of(), List.of());
    }

    public double kilowattHours() {
        return joules / 3.6e6;
    }

    /** Every device, described on one line, separated by semicolons. */
    public String describeDevices() {
        return devices.stream().map(MeteredDevice::describe).collect(Collectors.joining("; "));
    }
}
