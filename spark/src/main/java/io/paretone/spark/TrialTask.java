package io.paretone.spark;

import io.paretone.search.trial.SearchJson;
import io.paretone.search.worker.ToWorker;
import org.apache.spark.api.java.function.Function;

/**
 * One candidate as a Spark task, run on an executor: a worker process of this executor trains and
 * measures it, and the outcome goes back as JSON. A candidate that fails by itself (NaN, out of
 * memory, a crash, a timeout) is returned as a FAILED outcome, not thrown, so Spark does not retry
 * it; only what fails around the candidate (a worker that cannot start, a lost executor) fails the
 * task, and Spark retries that.
 */
final class TrialTask implements Function<String, String> {
    private static final long serialVersionUID = 1L;

    private final TaskWorkers workers;
    private final double trialTimeoutSeconds;

    TrialTask(TaskWorkers workers, double trialTimeoutSeconds) {
        this.workers = workers;
        this.trialTimeoutSeconds = trialTimeoutSeconds;
    }

    @Override
    public String call(String evaluateJson) {
        ToWorker.Evaluate request = SearchJson.read(evaluateJson, ToWorker.Evaluate.class);
        return SearchJson.write(workers.run(w -> w.evaluate(request, trialTimeoutSeconds)));
    }
}
