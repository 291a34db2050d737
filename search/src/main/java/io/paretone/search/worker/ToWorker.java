package io.paretone.search.worker;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Messages from the scheduling process to a worker, one JSON object per line on its stdin. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ToWorker.Setup.class, name = "setup"),
    @JsonSubTypes.Type(value = ToWorker.Evaluate.class, name = "evaluate"),
    @JsonSubTypes.Type(value = ToWorker.Verdict.class, name = "verdict"),
    @JsonSubTypes.Type(value = ToWorker.Shutdown.class, name = "shutdown")
})
public sealed interface ToWorker {

    /** The first message: how to prepare. */
    record Setup(WorkerSetup setup) implements ToWorker {}

    /**
     * Train and measure one candidate.
     *
     * @param genome the genome's text form, read with the family's space
     * @param maxParameters reject before training above this many parameters; 0 for no limit
     * @param maxFlops reject before training above these generation FLOPs per second; 0 for none
     * @param checkpoints fractions of the planned steps after which to measure the candidate and
     *     ask for a {@link Verdict}; empty for none
     */
    record Evaluate(int trial, String genome, long seed, long maxParameters, double maxFlops, double[] checkpoints)
            implements ToWorker {}

    /** The answer to a {@link FromWorker.Checkpoint}: go on training, or stop (prune). */
    record Verdict(int trial, boolean proceed) implements ToWorker {}

    /** Finish and exit. */
    record Shutdown() implements ToWorker {}
}
