package io.paretone.evaluators.energy;

/**
 * Measures the energy of a window of work. One implementation per kind of counter or estimate
 * (RAPL, NVML, CPU time, RAM, ...); {@link MeterSelection} picks them for a device.
 *
 * <p>A meter that cannot work on this machine says why through {@link #availability()} and is
 * never started; it must not throw while answering that question, so that a missing library or
 * counter never stops a search.
 */
public interface EnergyMeter {
    /** Short name recorded with every reading, such as {@code rapl} or {@code nvml}. */
    String name();

    /** Whether this meter can measure here and, either way, a sentence saying why or how. */
    MeterAvailability availability();

    /**
     * Starts a measured window. Windows are independent: several may be open at once (the whole
     * study's window and one candidate's, say).
     *
     * @throws IllegalStateException if the meter is not available
     */
    Window start();

    /** A window being measured. */
    interface Window {
        /** Energy from the start of the window to now; the window stays open. */
        EnergyReading read();

        /**
         * Ends the window, releases what it holds (a polling thread, say) and returns its energy.
         * Calling it again, or {@link #read()} afterwards, returns the same reading.
         */
        EnergyReading stop();
    }
}
