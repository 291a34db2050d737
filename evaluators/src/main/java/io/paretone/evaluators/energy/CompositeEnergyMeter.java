package io.paretone.evaluators.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Sums the meters of a machine's parts (CPU, GPU, RAM) over the same window, keeping each part's
 * reading, so a total can always be traced back to what measured which device. The total is
 * labelled measured when measured parts hold at least {@link EnergyReading#MEASURED_SHARE} of its
 * joules; each part keeps its own label.
 */
public final class CompositeEnergyMeter implements EnergyMeter {
    private final List<EnergyMeter> parts;

    public CompositeEnergyMeter(List<EnergyMeter> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a composite meter needs at least one part");
        }
        this.parts = List.copyOf(parts);
    }

    public List<EnergyMeter> parts() {
        return parts;
    }

    @Override
    public String name() {
        return parts.stream().map(EnergyMeter::name).collect(Collectors.joining("+"));
    }

    @Override
    public MeterAvailability availability() {
        for (EnergyMeter p : parts) {
            MeterAvailability a = p.availability();
            if (!a.available()) {
                return MeterAvailability.no(p.name() + ": " + a.reason());
            }
        }
        return MeterAvailability.yes(parts.stream()
                .map(p -> p.name() + ": " + p.availability().reason())
                .collect(Collectors.joining("; ")));
    }

    @Override
    public Window start() {
        List<Window> windows = new ArrayList<>();
        for (EnergyMeter p : parts) {
            windows.add(p.start());
        }
        long start = System.nanoTime();
        return new ClosableWindow() {
            @Override
            protected EnergyReading measure() {
                return sum(windows.stream().map(Window::read).toList(), (System.nanoTime() - start) / 1e9);
            }

            @Override
            protected void release() {
                windows.forEach(Window::stop);
            }
        };
    }

    private EnergyReading sum(List<EnergyReading> readings, double seconds) {
        double joules = 0;
        List<MeteredDevice> devices = new ArrayList<>();
        for (EnergyReading r : readings) {
            joules += r.joules();
            devices.addAll(r.devices());
        }
        String method = readings.stream()
                .map(r -> String.format(
                        Locale.ROOT,
                        "%s %.4g J %s: %s",
                        r.meter(),
                        r.joules(),
                        r.estimated() ? "estimated" : "measured",
                        r.method()))
                .collect(Collectors.joining(" + "));
        return new EnergyReading(
                joules, seconds, name(), EnergyReading.estimatedWhole(readings), method, devices, readings);
    }
}
