package io.paretone.evaluators.energy;

/**
 * The part every window shares: {@link #stop()} measures once, releases resources once, and keeps
 * that reading, so that stopping twice or reading after the stop is harmless.
 */
abstract class ClosableWindow implements EnergyMeter.Window {
    private EnergyReading finalReading;

    @Override
    public final synchronized EnergyReading read() {
        return finalReading != null ? finalReading : measure();
    }

    @Override
    public final synchronized EnergyReading stop() {
        if (finalReading == null) {
            try {
                finalReading = measure();
            } finally {
                release();
            }
        }
        return finalReading;
    }

    /** Energy from the start of the window to now. */
    protected abstract EnergyReading measure();

    /** Frees what the window holds; called once, by the first {@link #stop()}. */
    protected void release() {}
}
