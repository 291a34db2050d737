package io.paretone.search.worker;

import io.paretone.search.trial.TrialOutcome;
import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One worker process driven by the thread that owns it, one trial at a time: for an engine that
 * runs a trial inside something that waits for its result, such as a cluster task. It speaks the
 * same protocol as {@link WorkerPool}, and turns the worker's death or a timeout into a FAILED
 * {@link FromWorker.Finished} with the reason, as the pool does, so the caller never has to tell a
 * failed candidate from a failed call.
 */
public final class BlockingWorker implements AutoCloseable {
    private final BlockingQueue<ProcessWorker.Event> events = new LinkedBlockingQueue<>();
    private final ProcessWorker process;
    private FromWorker.Ready ready;
    private boolean exited;

    private BlockingWorker(String id, WorkerLaunch launch, int cpuThreads) {
        try {
            this.process = ProcessWorker.start(id, launch.command(cpuThreads), events);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker JVM (" + launch.java() + "): " + e.getMessage(), e);
        }
    }

    /**
     * Starts a worker and waits until it is set up.
     *
     * @param cpuThreads PyTorch threads for a CPU worker; 0 for PyTorch's default
     * @throws InvalidValueException if the worker rejects a setting (a device it does not have)
     * @throws IllegalStateException if it cannot set up, dies or is not ready within {@code timeoutSeconds}
     */
    public static BlockingWorker start(WorkerLaunch launch, WorkerSetup setup, int cpuThreads, double timeoutSeconds) {
        BlockingWorker w = new BlockingWorker(setup.workerId(), launch, cpuThreads);
        w.process.send(new ToWorker.Setup(setup));
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        while (w.ready == null) {
            ProcessWorker.Event e = w.poll(deadline);
            if (e == null) {
                w.process.kill();
                throw new IllegalStateException(
                        "worker " + setup.workerId() + " was not ready within " + Math.round(timeoutSeconds) + " s");
            }
            if (e.exitCode() != null) {
                w.exited = true;
                throw new IllegalStateException("worker failed to start: " + w.process.describeExit(e.exitCode()));
            }
            if (e.message() instanceof FromWorker.SetupFailed f) {
                w.process.stop(5000);
                if (f.badInput()) {
                    throw InvalidValueException.relayed("device", setup.device(), f.reason());
                }
                throw new IllegalStateException("worker " + setup.workerId() + " could not set up: " + f.reason());
            }
            if (e.message() instanceof FromWorker.Ready r) {
                w.ready = r;
            }
        }
        return w;
    }

    /** The worker's name, as given in its set-up. */
    public String id() {
        return process.id();
    }

    /** What the worker said when it was set up: its device, fingerprint and set-up energy. */
    public FromWorker.Ready ready() {
        return ready;
    }

    /** Whether the worker can take another trial. */
    public boolean alive() {
        return !exited && process.alive();
    }

    /**
     * Trains and measures one candidate. Checkpoints are answered "go on": pruning needs the whole
     * study's front, which only the scheduler has.
     *
     * @return the worker's outcome; a FAILED one with the reason when the worker died or ran past
     *     {@code timeoutSeconds} (it is then killed and this worker is no longer {@link #alive()})
     */
    public FromWorker.Finished evaluate(ToWorker.Evaluate request, double timeoutSeconds) {
        process.send(request);
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        boolean timedOut = false;
        while (true) {
            ProcessWorker.Event e = poll(timedOut ? Long.MAX_VALUE : deadline);
            if (e == null) {
                timedOut = true;
                process.kill();
                continue;
            }
            if (e.exitCode() != null) {
                exited = true;
                String reason = timedOut
                        ? String.format(
                                Locale.ROOT,
                                "timed out after %.0f s (the per-trial limit, --trial-timeout);"
                                        + " worker %s was stopped",
                                timeoutSeconds,
                                process.id())
                        : process.describeExit(e.exitCode());
                return new FromWorker.Finished(request.trial(), TrialOutcome.failed(reason), 0);
            }
            if (e.message() instanceof FromWorker.Checkpoint c) {
                process.send(new ToWorker.Verdict(c.trial(), true));
            } else if (e.message() instanceof FromWorker.Finished f && f.trial() == request.trial()) {
                return f;
            }
        }
    }

    /** Asks the worker to finish, then kills it if it does not within a few seconds. */
    @Override
    public void close() {
        if (!exited) {
            process.send(new ToWorker.Shutdown());
            process.stop(10_000);
        }
    }

    private ProcessWorker.Event poll(long deadlineNanos) {
        try {
            long wait = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
            return wait <= 0 ? events.poll() : events.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            process.kill();
            exited = true;
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for worker " + process.id(), e);
        }
    }
}
