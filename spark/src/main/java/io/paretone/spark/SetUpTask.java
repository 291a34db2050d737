package io.paretone.spark;

import io.paretone.search.trial.SearchJson;
import org.apache.spark.api.java.function.Function;

/**
 * Starts a worker on an executor before the search begins, as the local engine starts its workers:
 * loading the data, the judge and warming up are charged to the study, not to the first candidate,
 * and the driver learns the executors' meters before the first trial. The worker stays with the
 * executor for the candidates' tasks.
 */
final class SetUpTask implements Function<Integer, String> {
    private static final long serialVersionUID = 1L;

    private final TaskWorkers workers;

    SetUpTask(TaskWorkers workers) {
        this.workers = workers;
    }

    @Override
    public String call(Integer slot) {
        return SearchJson.write(workers.run(w -> null));
    }
}
