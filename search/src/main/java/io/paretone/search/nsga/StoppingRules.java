package io.paretone.search.nsga;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uma.jmetal.component.catalogue.common.termination.Termination;

/**
 * The study's stopping rules, composed: the search stops when any one is met, and {@link #reason}
 * names the first that was. The budgets join as one rule ({@link Budgets#stoppingRule}). Any jMetal
 * {@link Termination} can join; one that is not a {@link StoppingRule} is reported by its class name.
 */
public final class StoppingRules implements Termination {
    private final List<Termination> rules = new ArrayList<>();
    private String reason;

    public StoppingRules add(Termination rule) {
        rules.add(rule);
        return this;
    }

    @Override
    public boolean isMet(Map<String, Object> status) {
        for (Termination rule : rules) {
            if (rule.isMet(status)) {
                reason = rule instanceof StoppingRule s
                        ? s.reason()
                        : rule.getClass().getSimpleName();
                return true;
            }
        }
        return false;
    }

    /** Why the search stopped; null if it has not. */
    public String reason() {
        return reason;
    }

    /** Stops after this many generations, the initial one included. */
    public static StoppingRule afterGenerations(SearchLedger ledger, int generations) {
        return rule(() -> ledger.generations() >= generations, () -> "ran its " + generations + " generations");
    }

    /**
     * Stops when the hypervolume has not grown by more than {@code epsilon} over the last
     * {@code generations} generations.
     */
    public static StoppingRule onStagnation(SearchLedger ledger, int generations, double epsilon) {
        return rule(
                () -> {
                    List<Double> hv = ledger.hypervolumes();
                    int n = hv.size();
                    return n > generations && hv.get(n - 1) - hv.get(n - 1 - generations) <= epsilon;
                },
                () -> "no hypervolume gain for " + generations + " generations");
    }

    private static StoppingRule rule(java.util.function.BooleanSupplier met, java.util.function.Supplier<String> why) {
        return new StoppingRule() {
            @Override
            public boolean met() {
                return met.getAsBoolean();
            }

            @Override
            public String reason() {
                return why.get();
            }
        };
    }
}
