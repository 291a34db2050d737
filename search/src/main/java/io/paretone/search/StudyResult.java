package io.paretone.search;

import io.paretone.search.footprint.FootprintSummary;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished study.
 *
 * @param trials every trained (or failed) candidate, in order
 * @param front the feasible Pareto-optimal trials
 * @param footprint energy and CO2e of the whole study: every candidate, failed ones included, and the
 *     study's own overhead (data, calibration, warm-up, search, writing)
 * @param carbonBudgetKg the budget the search ran under; 0 for none
 * @param stoppedByCarbonBudget true when the budget was reached and the search stopped early
 * @param candidatesNotTrained candidates the search proposed but did not train because the budget was reached
 */
public record StudyResult(
        StudySettings settings,
        Path folder,
        List<Trial> trials,
        List<Trial> front,
        int candidatesEvaluated,
        FootprintSummary footprint,
        double carbonBudgetKg,
        boolean stoppedByCarbonBudget,
        int candidatesNotTrained) {}
