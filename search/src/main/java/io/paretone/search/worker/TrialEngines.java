package io.paretone.search.worker;

import io.paretone.spaces.check.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the engine a study names: the built-in local one, or one an optional module provides. */
public final class TrialEngines {
    /** Worker processes on this machine. */
    public static final String LOCAL = "local";

    private TrialEngines() {}

    /**
     * @throws InvalidValueException when no engine of that name is on the class path, saying how to
     *     get it
     */
    public static TrialEngine create(EngineRequest request) {
        if (request.engine().name().equals(LOCAL)) {
            return new WorkerPool(request.launch(), request.setup(), request.devices(), request.trialTimeoutSeconds());
        }
        return provider(request.engine().name()).create(request);
    }

    /**
     * Checks that the study's engine is on the class path and supports the study's settings, before
     * the study spends time loading its data.
     *
     * @param pruning whether the study prunes at checkpoints
     * @throws InvalidValueException as {@link #create} would
     */
    public static void check(EngineChoice engine, boolean pruning) {
        if (!engine.name().equals(LOCAL)) {
            provider(engine.name()).check(pruning);
        }
    }

    private static TrialEngineProvider provider(String name) {
        List<String> known = new ArrayList<>(List.of(LOCAL));
        for (TrialEngineProvider p : ServiceLoader.load(TrialEngineProvider.class)) {
            if (p.name().equals(name)) {
                return p;
            }
            known.add(p.name());
        }
        String hint = name.equals("spark")
                ? "the Spark engine is an optional module that this paretone was built without: build it with"
                        + " `mvn -B -Pspark -DskipTests package` and run `java -jar spark/target/paretone-spark.jar"
                        + " search --engine spark ...` (docs/spark.md)"
                : "engines available here: " + String.join(", ", known);
        throw new InvalidValueException("engine", name, hint);
    }
}
