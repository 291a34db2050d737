package io.paretone.search.nsga;

import org.uma.jmetal.component.catalogue.common.termination.Termination;

/**
 * A jMetal {@link Termination} that can say why it stopped the search. Rules read the study's
 * {@link SearchLedger}, not jMetal's untyped status map.
 */
public interface StoppingRule extends Termination {
    /** Why the search stopped, in words, once {@link #isMet} returned true. */
    String reason();

    /** Whether the rule is met now. */
    boolean met();

    @Override
    default boolean isMet(java.util.Map<String, Object> ignoredStatus) {
        return met();
    }
}
