package io.paretone.spark;

import io.paretone.search.worker.FromWorker;

/**
 * What a Spark task sends back to the driver for one candidate, as JSON text (Spark carries it;
 * nothing of it is stored in this form).
 *
 * @param executor the Spark executor's id
 * @param worker the worker process that trained the candidate
 * @param device the device Spark assigned: {@code gpu:N} from the task's GPU address, or {@code cpu}
 * @param proxyFingerprint the worker's calibrated-proxy fingerprint, equal across all workers
 * @param setupJoules the worker's set-up energy when this task started it; 0 for a reused worker
 * @param finished the worker's outcome, FAILED with the reason when it died or timed out
 */
public record TaskOutcome(
        String executor,
        String worker,
        String device,
        double[] proxyFingerprint,
        double setupJoules,
        FromWorker.Finished finished) {}
