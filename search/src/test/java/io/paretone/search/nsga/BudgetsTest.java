package io.paretone.search.nsga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.search.footprint.CarbonBudget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each budget's condition, as the scheduler (before a start) and the stopping rules (after a generation) read it. */
class BudgetsTest {
    private final StoppingRulesTest.Figures f = new StoppingRulesTest.Figures();

    @Test
    void trialBudgetCountsRunningTrialsBeforeAStartAndFinishedOnesToStop() {
        Budgets budgets = new Budgets(List.of(Budgets.trials(f, 6)));
        StoppingRule rule = budgets.stoppingRule();
        f.trials = 4;
        assertNull(budgets.whyNoStart(1), "4 finished + 1 running leave room for a sixth");
        assertEquals("the budget of 6 trials is reached (4 finished, 2 running)", budgets.whyNoStart(2));
        assertFalse(rule.met(), "only 4 of 6 finished");
        f.trials = 6;
        assertTrue(rule.met());
        assertEquals("reached the budget of 6 trials (6 finished)", rule.reason());
    }

    @Test
    void trialEnergyBudgetIsUsedOnceTheChargedJoulesReachIt() {
        Budgets budgets = new Budgets(List.of(Budgets.trialJoules(f, 1000)));
        StoppingRule rule = budgets.stoppingRule();
        f.joules = 999.9;
        assertFalse(rule.met());
        assertNull(budgets.whyNoStart(3), "running trials do not count: their energy is not charged yet");
        f.joules = 1000;
        assertTrue(rule.met());
        assertEquals("reached the trial energy budget of 1000 J (1000 J charged)", rule.reason());
        assertEquals("the trial energy budget of 1000 J is reached (1000 J charged, 1 running)", budgets.whyNoStart(1));
    }

    @Test
    void wallTimeBudgetIsUsedOnceTheStudyRanThatLong() {
        Budgets budgets = new Budgets(List.of(Budgets.wallSeconds(f, 60)));
        StoppingRule rule = budgets.stoppingRule();
        f.seconds = 59.4;
        assertFalse(rule.met());
        f.seconds = 60;
        assertTrue(rule.met());
        assertEquals("reached the wall-time budget of 60 s (60 s run)", rule.reason());
        assertEquals("the wall-time budget of 60 s is reached (60 s run)", budgets.whyNoStart(0));
    }

    @Test
    void carbonBudgetIsUsedOnceTheMeasuredKilogramsReachIt() {
        double[] kg = {0.5};
        Budgets budgets = new Budgets(List.of(Budgets.carbon(new CarbonBudget(2, () -> kg[0]))));
        assertNull(budgets.whyNoStart(0));
        kg[0] = 2.5;
        assertEquals("the carbon budget of 2.000 kgCO2e is reached (2.500 kg measured)", budgets.whyNoStart(0));
        StoppingRule rule = budgets.stoppingRule();
        assertTrue(rule.met());
        assertEquals("reached the carbon budget of 2.000 kgCO2e (2.500 kg measured)", rule.reason());
    }

    @Test
    void aLimitOfZeroIsNoBudgetAndTheFirstUsedUpNamesItself() {
        Budgets none = Budgets.of(f, 0, 0, 0, CarbonBudget.unlimited());
        f.trials = 1000;
        f.seconds = 1e9;
        f.joules = 1e9;
        assertNull(none.whyNoStart(10));
        assertFalse(none.stoppingRule().met());

        Budgets set = Budgets.of(f, 2000, 60, 0, CarbonBudget.unlimited());
        assertEquals(
                "the wall-time budget of 60 s is reached (1000000000 s run)",
                set.whyNoStart(0),
                "1000 of 2000 trials leave room; the wall time does not");
    }
}
