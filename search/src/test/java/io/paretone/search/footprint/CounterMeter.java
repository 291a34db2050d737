package io.paretone.search.footprint;

import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.evaluators.energy.MeterAvailability;

/** A meter over a counter the test advances by hand: energy is exactly what the test says it is. */
final class CounterMeter implements EnergyMeter {
    double joules;

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public MeterAvailability availability() {
        return MeterAvailability.yes("a test counter");
    }

    @Override
    public Window start() {
        double start = joules;
        return new Window() {
            private EnergyReading last;

            @Override
            public EnergyReading read() {
                return last != null ? last : new EnergyReading(joules - start, 1, name(), false, "test counter");
            }

            @Override
            public EnergyReading stop() {
                if (last == null) {
                    last = read();
                }
                return last;
            }
        };
    }
}
