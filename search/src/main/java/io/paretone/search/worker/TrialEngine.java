package io.paretone.search.worker;

import io.paretone.search.trial.EnergyPart;
import java.util.Optional;

/**
 * Where a study's trials run: the study's scheduler hands a trial to an idle slot and hears its
 * outcome as an event. {@link WorkerPool} runs worker processes on this machine; an optional
 * module runs them as Apache Spark tasks on a cluster ({@link TrialEngineProvider}). Either way a
 * trial is trained by the same worker process and protocol, so its measurement is the same.
 *
 * <p>A trial that fails by itself (NaN loss, out of memory, a crash, a timeout) comes back as a
 * FAILED {@link FromWorker.Finished} or an {@link Event.Lost} with the reason; an engine never
 * throws for one.
 */
public interface TrialEngine extends AutoCloseable {

    /** One place where a trial can run: a local worker, or a cluster task slot. */
    interface Slot {
        /** A name for logs and the trial store, such as {@code w3}. */
        String worker();

        /** The device as known before the trial runs; the trial's provenance records the one used. */
        String device();

        /** The process that trains the slot's trials on this machine, or -1 when it runs elsewhere. */
        default long pid() {
            return -1;
        }
    }

    /** What the scheduler hears from the engine. */
    sealed interface Event {
        /** A message about a trial from the worker training it. */
        record Message(Slot slot, FromWorker message) implements Event {}

        /** The trial was lost with its worker (died, stopped, or its task failed for good). */
        record Lost(Slot slot, int trial, String reason) implements Event {}
    }

    /** Prepares the engine; returns when trials can be dispatched. */
    void start();

    /** A slot with no trial, if any. */
    Optional<? extends Slot> idleSlot();

    /** Starts a trial on an idle slot. */
    void dispatch(Slot slot, ToWorker.Evaluate request);

    /** Answers a {@link FromWorker.Checkpoint}: go on training or stop. */
    void verdict(Slot slot, ToWorker.Verdict verdict);

    /** The next trial event, waiting at most {@code timeoutMillis}; null if none came. */
    Event next(long timeoutMillis);

    /** The devices of the slots, as far as known, for the study's description. */
    java.util.List<String> devices();

    /** The energy meter the workers chose, in words; known once {@link #start()} returned. */
    String energyDescription();

    /** The energy meter's name, such as {@code cpu-time+ram}; known once {@link #start()} returned. */
    String meterName();

    /** The calibrated quality proxy in words; known once {@link #start()} returned. */
    String proxyDescription();

    /** Every joule the engine's workers used: set-up and trials, wherever they ran. */
    double workerJoules();

    /**
     * One worker's set-up energy as it metered it.
     *
     * @param device the device it resolved, such as {@code gpu(0)}
     * @param parts by meter part; a part reading a whole shared device holds its neighbours' too
     */
    record SetUp(String device, java.util.List<EnergyPart> parts) {
        public SetUp {
            parts = java.util.List.copyOf(parts);
        }

        public double joules() {
            return parts.stream().mapToDouble(EnergyPart::joules).sum();
        }
    }

    /**
     * Every worker's set-up so far, replaced workers' included, so that the study can leave out
     * the parts a shared device's own meter counts. An engine whose workers run on other machines
     * shares no metered device with the scheduling process and may report none.
     */
    default java.util.List<SetUp> setUps() {
        return java.util.List.of();
    }

    /** Stops the engine's workers; never throws. */
    @Override
    void close();
}
