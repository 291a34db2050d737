package io.paretone.evaluators.cost;

/**
 * Measured generation speed over one timed window, after a warm-up that is not part of it. A
 * generated unit is what the study's {@link io.paretone.spaces.Domain} counts in.
 *
 * @param values values generated in the window (samples, pixel values), over all examples
 *     generated together
 * @param seconds wall time of the window
 * @param valuesPerUnit values of one generated unit, such as a sample rate
 */
public record GenerationSpeed(long values, double seconds, int valuesPerUnit) {
    public GenerationSpeed {
        if (values <= 0 || seconds <= 0 || valuesPerUnit <= 0) {
            throw new IllegalArgumentException("a generation speed needs values, seconds and values per unit above 0,"
                    + " got " + values + ", " + seconds + ", " + valuesPerUnit);
        }
    }

    public double valuesPerSecond() {
        return values / seconds;
    }

    /**
     * Wall seconds per generated unit: the real-time factor where the unit is a second of output
     * (below 1 is faster than real time).
     */
    public double secondsPerUnit() {
        return seconds / ((double) values / valuesPerUnit);
    }
}
