package io.paretone.spark;

import io.paretone.search.worker.EngineRequest;
import io.paretone.search.worker.TrialEngine;
import io.paretone.search.worker.TrialEngineProvider;

/** {@code --engine spark}: trials as Apache Spark tasks, see {@link SparkEngine}. */
public final class SparkEngineProvider implements TrialEngineProvider {
    public static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TrialEngine create(EngineRequest request) {
        return new SparkEngine(request);
    }
}
