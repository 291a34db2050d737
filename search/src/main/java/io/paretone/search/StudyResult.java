package io.paretone.search;

import io.paretone.evaluators.energy.EnergyReading;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished study.
 *
 * @param trials every trained (or failed) candidate, in order
 * @param front the feasible Pareto-optimal trials
 * @param footprint energy of the whole study, search overhead, data and calibration included
 * @param footprintKgCo2e CO2e of that energy
 */
public record StudyResult(
        StudySettings settings,
        Path folder,
        List<Trial> trials,
        List<Trial> front,
        int candidatesEvaluated,
        EnergyReading footprint,
        double footprintKgCo2e) {}
