package io.paretone.search.worker;

/**
 * A trial engine that an optional module adds, found with {@link java.util.ServiceLoader}: a module
 * lists its provider in {@code META-INF/services/io.paretone.search.worker.TrialEngineProvider}.
 */
public interface TrialEngineProvider {
    /** The name users give with {@code --engine}. */
    String name();

    /**
     * Refuses, before the study loads its data, a study this engine cannot run.
     *
     * @param pruning whether the study prunes at checkpoints
     * @throws io.paretone.spaces.check.InvalidValueException naming the setting and what to do instead
     */
    default void check(boolean pruning) {}

    /**
     * An engine for one study session; nothing starts before {@link TrialEngine#start()}.
     *
     * @throws io.paretone.spaces.check.InvalidValueException when the request cannot run on this
     *     engine (a setting it does not support)
     */
    TrialEngine create(EngineRequest request);
}
