package io.paretone.evaluators.energy;

/**
 * Whether a meter can measure on this machine.
 *
 * @param available true when the meter can be started
 * @param reason how it measures when available; why not, and what to do, when not
 */
public record MeterAvailability(boolean available, String reason) {
    public static MeterAvailability yes(String how) {
        return new MeterAvailability(true, how);
    }

    public static MeterAvailability no(String why) {
        return new MeterAvailability(false, why);
    }
}
