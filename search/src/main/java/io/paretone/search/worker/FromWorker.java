package io.paretone.search.worker;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.paretone.search.trial.EnergyPart;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialOutcome;
import java.util.List;
import java.util.Map;

/** Messages from a worker to the scheduling process. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FromWorker.Ready.class, name = "ready"),
    @JsonSubTypes.Type(value = FromWorker.SetupFailed.class, name = "setup_failed"),
    @JsonSubTypes.Type(value = FromWorker.Step.class, name = "step"),
    @JsonSubTypes.Type(value = FromWorker.Generating.class, name = "generating"),
    @JsonSubTypes.Type(value = FromWorker.Checkpoint.class, name = "checkpoint"),
    @JsonSubTypes.Type(value = FromWorker.Finished.class, name = "finished")
})
public sealed interface FromWorker {

    /**
     * Set up and waiting for work.
     *
     * @param device the device the worker resolved and trains on
     * @param meter the energy meter it chose, such as {@code rapl+ram} or {@code cpu-time+ram}
     * @param energy that choice in words, with what could not be used and why
     * @param proxyDescription the calibrated proxy in words (the judge's weights and their hash)
     * @param proxyFingerprint the calibrated proxy's score of a fixed probe: equal across workers
     *     only if their calibrations are equal
     * @param setup energy of loading, calibrating and warming up, by meter part (CPU, GPU, RAM): a
     *     part that reads a whole shared device holds the neighbours' set-up too
     */
    record Ready(
            long pid,
            String device,
            String meter,
            String energy,
            String proxy,
            String proxyDescription,
            double[] proxyFingerprint,
            List<EnergyPart> setup)
            implements FromWorker {
        public Ready {
            setup = List.copyOf(setup);
        }

        /** The set-up's energy, all parts. */
        @JsonIgnore
        public double setupJoules() {
            return setup.stream().mapToDouble(EnergyPart::joules).sum();
        }
    }

    /** The worker could not set up; {@code badInput} when the setting given was wrong (a device). */
    record SetupFailed(String reason, boolean badInput) implements FromWorker {}

    record Step(int trial, int step, int steps, double loss) implements FromWorker {}

    /** Training is over; the candidate is generating and being judged. */
    record Generating(int trial) implements FromWorker {}

    /** A partial measurement; the worker waits for a {@link ToWorker.Verdict}. */
    record Checkpoint(int trial, int step, int steps, Map<String, Double> objectives, TrialMetrics metrics)
            implements FromWorker {}

    /**
     * A trial's end.
     *
     * @param result its final state: COMPLETE, FAILED or PRUNED, the objectives (final, partial,
     *     or what was counted before a rejection), metrics, provenance, and every joule this trial
     *     cost the worker
     * @param workerJoules every joule the worker has used since it started
     */
    record Finished(int trial, TrialOutcome result, double workerJoules) implements FromWorker {}
}
