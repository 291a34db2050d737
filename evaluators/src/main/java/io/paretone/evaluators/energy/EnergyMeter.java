package io.paretone.evaluators.energy;

/** Measures the energy of a window of work. One implementation per kind of counter. */
public interface EnergyMeter {
    String name();

    /** Starts a measured window; {@link Window#stop()} ends it. */
    Window start();

    /** A window being measured. */
    interface Window {
        EnergyReading stop();
    }
}
