package io.paretone.search.nsga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoppingRulesTest {
    /** A ledger whose figures the test sets. */
    static final class Figures implements SearchLedger {
        int generations;
        int trials;
        double seconds;
        double kg;
        double joules;
        final List<Double> hv = new ArrayList<>();

        @Override
        public int generations() {
            return generations;
        }

        @Override
        public int trialsFinished() {
            return trials;
        }

        @Override
        public double elapsedSeconds() {
            return seconds;
        }

        @Override
        public double kgCo2eSpent() {
            return kg;
        }

        @Override
        public double trialJoules() {
            return joules;
        }

        @Override
        public List<Double> hypervolumes() {
            return hv;
        }
    }

    @Test
    void theFirstRuleMetStopsAndNamesItself() {
        Figures f = new Figures();
        StoppingRules rules = new StoppingRules()
                .add(StoppingRules.afterGenerations(f, 10))
                .add(new Budgets(List.of(Budgets.trials(f, 20), Budgets.wallSeconds(f, 60))).stoppingRule());
        f.trials = 19;
        assertFalse(rules.isMet(Map.of()));
        assertNull(rules.reason());
        f.trials = 20;
        assertTrue(rules.isMet(Map.of()));
        assertTrue(rules.reason().contains("budget of 20 trials"), rules.reason());
        f.trials = 0;
        f.seconds = 61;
        assertTrue(rules.isMet(Map.of()));
        assertTrue(rules.reason().contains("wall-time budget of 60 s"), rules.reason());
    }

    @Test
    void stagnationCountsGenerationsWithoutHypervolumeGain() {
        Figures f = new Figures();
        StoppingRule rule = StoppingRules.onStagnation(f, 2, 1e-12);
        f.hv.addAll(List.of(0.1, 0.2, 0.2));
        assertFalse(rule.met(), "gain within the last two generations");
        f.hv.add(0.2);
        assertTrue(rule.met(), "0.2 -> 0.2 -> 0.2: two generations without gain");
        assertEquals("no hypervolume gain for 2 generations", rule.reason());
    }

    @Test
    void anyJmetalTerminationComposes() {
        StoppingRules rules = new StoppingRules().add(status -> true);
        assertTrue(rules.isMet(Map.of()));
        assertTrue(rules.reason().length() > 0);
    }
}
