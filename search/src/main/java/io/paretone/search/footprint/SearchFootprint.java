package io.paretone.search.footprint;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergyReading;
import java.util.ArrayList;
import java.util.List;

/**
 * The energy and CO2e of a whole search. One window spans the study from start to end; each
 * candidate has its own window inside it, failed candidates included. What the study spent
 * outside candidates (loading data, calibrating the proxy, warming up, NSGA-II, writing results)
 * is its own overhead: the study's total minus the candidates'.
 *
 * <p>The study window is read at every candidate's start and end, so estimates that integrate
 * samples over time (RAM) sample both windows at the same instants and the candidates' share
 * stays inside the total.
 */
public final class SearchFootprint {
    private final EnergyMeter meter;
    private final CarbonAccounting carbon;
    private final EnergyMeter.Window study;
    private final List<CandidateCharge> charges = new ArrayList<>();

    private SearchFootprint(EnergyMeter meter, CarbonAccounting carbon) {
        this.meter = meter;
        this.carbon = carbon;
        this.study = meter.start();
    }

    /** Starts the study's window now. */
    public static SearchFootprint start(EnergyMeter meter, CarbonAccounting carbon) {
        return new SearchFootprint(meter, carbon);
    }

    /** Opens one candidate's window; give its reading to {@link #charge}. */
    public EnergyMeter.Window candidateStarted() {
        study.read();
        return meter.start();
    }

    /** Records what a candidate cost, whatever became of it. */
    public synchronized CandidateCharge charge(int trial, String status, EnergyMeter.Window window) {
        EnergyReading reading = window.stop();
        study.read();
        CandidateCharge c = new CandidateCharge(trial, status, reading, carbon.kgCo2e(reading.joules()));
        charges.add(c);
        return c;
    }

    /** The search's measured kgCO2e so far, its overhead included. */
    public double kgCo2eSoFar() {
        return carbon.kgCo2e(study.read().joules());
    }

    /** Ends the study's window and sums up. */
    public synchronized FootprintSummary finish() {
        EnergyReading total = study.stop();
        return new FootprintSummary(total, carbon.kgCo2e(total.joules()), charges, carbon);
    }
}
