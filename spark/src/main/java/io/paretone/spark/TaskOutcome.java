package io.paretone.spark;

import io.paretone.search.worker.FromWorker;

/**
 * What a Spark task sends back to the driver, as JSON text (Spark carries it; nothing of it is
 * stored in this form).
 *
 * @param executor the Spark executor's id
 * @param host the executor's machine
 * @param attempt Spark's attempt number of the task: 0 unless Spark retried it after a loss
 * @param worker the worker process that ran the task
 * @param device the device Spark assigned: {@code gpu:N} from the task's GPU address, or {@code cpu}
 * @param ready what the worker said when it was set up: its device, meter, proxy fingerprint and
 *     set-up energy
 * @param finished the candidate's outcome, FAILED with the reason when the worker died or timed
 *     out; null for a task that only set a worker up
 */
public record TaskOutcome(
        String executor,
        String host,
        int attempt,
        String worker,
        String device,
        FromWorker.Ready ready,
        FromWorker.Finished finished) {

    /** Where the task ran, for reasons and logs. */
    String where() {
        return "Spark executor " + executor + " on " + host;
    }

    /** Every joule the worker has measured since it started: set-up, and trials so far. */
    double workerJoules() {
        return finished == null ? ready.setupJoules() : Math.max(ready.setupJoules(), finished.workerJoules());
    }
}
