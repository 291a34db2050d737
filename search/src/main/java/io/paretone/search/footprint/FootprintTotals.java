package io.paretone.search.footprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The whole search's energy and CO2e as stored in {@code summary.json} under {@code footprint}
 * (snake_case keys), and read back from there by reports.
 *
 * @param totalSeconds wall time of the study
 * @param totalJoules energy of the study from start to end
 * @param candidatesCharged candidates trained (or failed) and charged
 * @param candidatesJoules their energy, failed ones included
 * @param failedCandidatesJoules the failed ones' share
 * @param overheadJoules energy spent outside candidates: data, calibration, warm-up, search, writing
 * @param energyMeter the meter, such as {@code rapl+nvml+ram}
 * @param energyEstimated true when any part of the meter estimates
 * @param carbonBudgetKg the budget the search ran under, or null for none
 * @param candidatesNotTrainedByBudget candidates proposed after the budget was reached
 */
public record FootprintTotals(
        double totalSeconds,
        double totalJoules,
        double totalKwh,
        double totalKgCo2e,
        int candidatesCharged,
        double candidatesJoules,
        double candidatesKgCo2e,
        long failedCandidates,
        double failedCandidatesJoules,
        double overheadJoules,
        double overheadKgCo2e,
        String energyMeter,
        boolean energyEstimated,
        String energyMethod,
        String energyDevices,
        double carbonIntensityKgPerKwh,
        String carbonIntensitySource,
        double pue,
        Double carbonBudgetKg,
        boolean stoppedByCarbonBudget,
        int candidatesNotTrainedByBudget) {

    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** The object stored under {@code footprint} in {@code summary.json}. */
    public ObjectNode toJson() {
        return JSON.valueToTree(this);
    }
}
