package io.paretone.search;

import io.paretone.search.footprint.FootprintTotals;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished study.
 *
 * @param trials every trained (or failed) candidate, in order
 * @param front the feasible Pareto-optimal trials
 * @param footprint energy and CO2e of the whole study: every candidate, failed ones included, the
 *     study's own overhead (data, calibration, warm-up, search, writing) and the carbon budget
 */
public record StudyResult(
        StudySettings settings,
        Path folder,
        List<Trial> trials,
        List<Trial> front,
        int candidatesEvaluated,
        FootprintTotals footprint) {}
