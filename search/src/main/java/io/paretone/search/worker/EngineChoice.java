package io.paretone.search.worker;

import io.paretone.spaces.check.Check;

/**
 * Where trials run, see {@link TrialEngines}.
 *
 * @param name {@value TrialEngines#LOCAL} (worker processes on this
 *     machine) or the name of an engine on the class path, such as {@code spark}
 * @param master the cluster to run on, in the engine's terms (a Spark master URL); null for the
 *     engine's default
 */
public record EngineChoice(String name, String master) {
    public static final EngineChoice LOCAL = new EngineChoice(TrialEngines.LOCAL, null);

    public EngineChoice {
        Check.notNull("engine", name);
        Check.that(name.matches("[a-z0-9-]+"), "engine", name, "use an engine name such as local or spark");
    }
}
