package io.paretone.spark;

import io.paretone.search.worker.EngineRequest;
import io.paretone.search.worker.TrialEngine;
import io.paretone.search.worker.TrialEngineProvider;
import io.paretone.spaces.check.InvalidValueException;

/** {@code --engine spark}: trials as Apache Spark tasks, see {@link SparkEngine}. */
public final class SparkEngineProvider implements TrialEngineProvider {
    public static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void check(boolean pruning) {
        if (pruning) {
            throw noPruning();
        }
    }

    @Override
    public TrialEngine create(EngineRequest request) {
        return new SparkEngine(request);
    }

    /**
     * Pruning stops a candidate mid-training on the scheduler's verdict at each checkpoint, which
     * needs the whole study's front; a Spark task has no channel back to the driver mid-task.
     */
    static InvalidValueException noPruning() {
        return new InvalidValueException(
                "prune_at",
                "(set)",
                "the Spark engine cannot prune: a checkpoint's verdict"
                        + " needs a round trip to the driver in the middle of a task. Run the study without --prune-at"
                        + " (pruning.checkpoints in a config), or with the local engine");
    }
}
