package io.paretone.evaluators.energy;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Integrates a power reading over time on a background thread: the fallback for GPUs without an
 * energy counter. Samples at a fixed rate and sums trapezoids between samples; between the last
 * sample and a read, the last power is held. One daemon thread per poller, ended by {@link #stop()}.
 */
final class PowerPoller {
    private final DoubleSupplier watts;
    private final ScheduledExecutorService thread;
    private long lastNanos;
    private double lastWatts;
    private double joules;
    private int samples;
    private RuntimeException failure;

    /**
     * Takes the first sample now and starts sampling.
     *
     * @param hz samples per second
     */
    PowerPoller(DoubleSupplier watts, double hz, String threadName) {
        this.watts = watts;
        this.lastNanos = System.nanoTime();
        this.lastWatts = watts.getAsDouble();
        this.samples = 1;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        long period = Math.round(1e9 / hz);
        thread.scheduleAtFixedRate(this::sampleQuietly, period, period, TimeUnit.NANOSECONDS);
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        double w = watts.getAsDouble();
        joules += (lastWatts + w) / 2 * (now - lastNanos) / 1e9;
        lastNanos = now;
        lastWatts = w;
        samples++;
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            synchronized (this) {
                failure = e;
            }
        }
    }

    /** Energy from the first sample to now. */
    synchronized double joules() {
        if (failure != null) {
            throw new IllegalStateException("power polling failed: " + failure.getMessage(), failure);
        }
        return joules + lastWatts * (System.nanoTime() - lastNanos) / 1e9;
    }

    synchronized int samples() {
        return samples;
    }

    /** Takes a last sample, stops the thread and returns the energy from the first sample to now. */
    double stop() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        return joules();
    }
}
