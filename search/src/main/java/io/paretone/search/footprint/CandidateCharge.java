package io.paretone.search.footprint;

import io.paretone.evaluators.energy.EnergyReading;

/**
 * The energy one candidate cost the search: everything done for it, from counting its parameters
 * to saving its sample, whether it completed or failed.
 *
 * @param trial the trial's number
 * @param status the trial's status, such as COMPLETE or FAILED
 */
public record CandidateCharge(int trial, String status, EnergyReading energy, double kgCo2e) {
    public boolean completed() {
        return status.equals("COMPLETE");
    }
}
