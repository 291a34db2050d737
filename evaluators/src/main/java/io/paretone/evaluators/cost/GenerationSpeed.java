package io.paretone.evaluators.cost;

/**
 * Measured generation speed over one timed window, after a warm-up that is not part of it.
 *
 * @param samples audio samples generated in the window, over all clips generated together
 * @param seconds wall time of the window
 * @param sampleRate samples per second of audio
 */
public record GenerationSpeed(long samples, double seconds, int sampleRate) {
    public GenerationSpeed {
        if (samples <= 0 || seconds <= 0 || sampleRate <= 0) {
            throw new IllegalArgumentException("a generation speed needs samples, seconds and a sample rate above 0,"
                    + " got " + samples + ", " + seconds + ", " + sampleRate);
        }
    }

    public double samplesPerSecond() {
        return samples / seconds;
    }

    /** Real-time factor: wall seconds per second of audio; below 1 is faster than real time. */
    public double realTimeFactor() {
        return seconds / ((double) samples / sampleRate);
    }
}
