package io.paretone.evaluators.energy;

/**
 * Energy used over one measured window.
 *
 * @param joules energy of the window
 * @param seconds wall time of the window
 * @param meter the meter that produced it
 * @param estimated true when derived from a model (such as CPU time x watts) rather than read
 *     from a hardware counter
 * @param method how it was obtained, in words
 */
public record EnergyReading(double joules, double seconds, String meter, boolean estimated, String method) {
    public double kilowattHours() {
        return joules / 3.6e6;
    }
}
