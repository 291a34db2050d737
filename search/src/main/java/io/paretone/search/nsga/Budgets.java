package io.paretone.search.nsga;

import io.paretone.search.footprint.CarbonBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * The study's budgets (trials, wall time, trial energy, CO2e), each condition declared once and
 * read in two places: the scheduler asks {@link #whyNoStart} before it starts a trial, so a budget
 * stops a generation part-way; the stopping rules ask {@link #stoppingRule} after each generation,
 * so the search ends.
 */
public final class Budgets {
    /**
     * One budget.
     *
     * @param name the budget in words, such as "the budget of 6 trials"
     * @param usedUp whether it is used up with this many trials started and not finished yet
     * @param used how much of it is used, in words, such as "6 finished"
     */
    public record Limit(String name, IntPredicate usedUp, Supplier<String> used) {}

    private final List<Limit> limits;

    public Budgets(List<Limit> limits) {
        this.limits = List.copyOf(limits);
    }

    /**
     * The budgets a study sets; a limit of 0 is no budget, as is an unlimited carbon budget.
     *
     * @param ledger the figures the budgets limit
     */
    public static Budgets of(
            SearchLedger ledger, int maxTrials, double maxWallSeconds, double maxTrialJoules, CarbonBudget carbon) {
        List<Limit> limits = new ArrayList<>();
        if (carbon.limited()) {
            limits.add(carbon(carbon));
        }
        if (maxTrials > 0) {
            limits.add(trials(ledger, maxTrials));
        }
        if (maxTrialJoules > 0) {
            limits.add(trialJoules(ledger, maxTrialJoules));
        }
        if (maxWallSeconds > 0) {
            limits.add(wallSeconds(ledger, maxWallSeconds));
        }
        return new Budgets(limits);
    }

    /** Used up once the trials finished and those running reach {@code max}: no more may start. */
    public static Limit trials(SearchLedger ledger, int max) {
        return new Limit(
                "the budget of " + max + " trials",
                running -> ledger.trialsFinished() + running >= max,
                () -> ledger.trialsFinished() + " finished");
    }

    /** Used up once the study has run this long, all its sessions together. */
    public static Limit wallSeconds(SearchLedger ledger, double max) {
        return new Limit(
                String.format(Locale.ROOT, "the wall-time budget of %.0f s", max),
                running -> ledger.elapsedSeconds() >= max,
                () -> String.format(Locale.ROOT, "%.0f s run", ledger.elapsedSeconds()));
    }

    /**
     * Used up once the finished trials were charged this much energy (see {@code
     * StudySettings.Budget}); trials running then may overshoot it by their own energy.
     */
    public static Limit trialJoules(SearchLedger ledger, double max) {
        return new Limit(
                String.format(Locale.ROOT, "the trial energy budget of %.0f J", max),
                running -> ledger.trialJoules() >= max,
                () -> String.format(Locale.ROOT, "%.0f J charged", ledger.trialJoules()));
    }

    /** Used up once the study's measured CO2e reaches the budget; it stays used up (see {@link CarbonBudget}). */
    public static Limit carbon(CarbonBudget budget) {
        return new Limit(
                String.format(Locale.ROOT, "the carbon budget of %.4g kgCO2e", budget.kg()),
                running -> budget.reached(),
                () -> String.format(Locale.ROOT, "%.4g kg measured", budget.reachedAtKg()));
    }

    /**
     * Why no further trial may start with {@code running} trials started and not finished, or null
     * when every budget allows one.
     */
    public String whyNoStart(int running) {
        for (Limit limit : limits) {
            if (limit.usedUp().test(running)) {
                return limit.name() + " is reached (" + limit.used().get()
                        + (running > 0 ? ", " + running + " running" : "") + ")";
            }
        }
        return null;
    }

    /** The budgets as one stopping rule: met when one is used up by the finished trials. */
    public StoppingRule stoppingRule() {
        return new StoppingRule() {
            private Limit reached;

            @Override
            public boolean met() {
                reached = limits.stream()
                        .filter(l -> l.usedUp().test(0))
                        .findFirst()
                        .orElse(null);
                return reached != null;
            }

            @Override
            public String reason() {
                return reached == null
                        ? null
                        : "reached " + reached.name() + " (" + reached.used().get() + ")";
            }
        };
    }
}
