package io.paretone.search.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.nsga.ArchitectureProblem;
import io.paretone.search.nsga.Budgets;
import io.paretone.search.nsga.GenerationEvaluation;
import io.paretone.search.nsga.NsgaII;
import io.paretone.search.nsga.StoppingRules;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.SearchSpace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarbonBudgetTest {
    private static final SearchSpace SPACE = new SearchSpace(
            "toy",
            List.of(
                    Gene.ofInts("a", "a", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
                    Gene.ofInts("b", "b", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)));

    @Test
    void isMetOnceTheMeasuredTotalReachesTheBudgetAndStaysMet() {
        double[] kg = {0.4};
        CarbonBudget budget = new CarbonBudget(1.0, () -> kg[0]);
        assertFalse(budget.isMet(Map.of()));
        kg[0] = 1.0;
        assertTrue(budget.isMet(Map.of()));
        assertEquals(1.0, budget.reachedAtKg());
        kg[0] = 0.2; // a later, lower reading does not revive the search
        assertTrue(budget.reached());
        assertTrue(budget.limited());
    }

    @Test
    void unlimitedBudgetIsNeverMet() {
        assertFalse(CarbonBudget.unlimited().isMet(Map.of()));
        assertFalse(CarbonBudget.unlimited().limited());
    }

    @Test
    void budgetMustBePositive() {
        assertThrows(InvalidValueException.class, () -> new CarbonBudget(0, () -> 0));
    }

    /**
     * Every evaluation costs 1 kg. With 10 candidates a generation and a 25 kg budget, the totals
     * after generations 1, 2 and 3 are 10, 20 and 30 kg: the search ends after the third of six.
     */
    @Test
    void nsgaIIStopsAfterTheGenerationThatReachesTheBudget() {
        int[] evaluations = {0};
        int[] generations = {0};
        ArchitectureProblem[] problem = new ArchitectureProblem[1];
        problem[0] = new ArchitectureProblem(SPACE, 2, 1, s -> {
            evaluations[0]++;
            s.objectives()[0] = s.variables().get(0);
            s.objectives()[1] = 9 - s.variables().get(0) + s.variables().get(1);
            s.constraints()[0] = 0;
            return s;
        });
        CarbonBudget budget = new CarbonBudget(25, () -> evaluations[0] * 1.0);
        GenerationEvaluation evaluation = new GenerationEvaluation(problem[0], (generation, solutions) -> {
            generations[0]++;
            solutions.forEach(problem[0]::evaluate);
        });
        StoppingRules rules = new StoppingRules()
                .add(status -> evaluation.generationsEvaluated() >= 6)
                .add(new Budgets(List.of(Budgets.carbon(budget))).stoppingRule());
        new NsgaII(10, 1).run(problem[0], evaluation, rules, kept -> {});
        assertTrue(rules.reason().contains("carbon budget of 25.00 kgCO2e"), rules.reason());
        assertEquals(3, generations[0]);
        assertEquals(30, evaluations[0]);
        assertEquals(30.0, budget.reachedAtKg());
    }
}
