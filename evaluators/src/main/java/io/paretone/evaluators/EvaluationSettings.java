package io.paretone.evaluators;

import ai.djl.Device;
import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.LacosteEstimate;
import io.paretone.spaces.check.Check;

/**
 * How candidates are measured.
 *
 * @param device where candidates train and generate
 * @param meter the energy meter of the training and generation windows
 * @param carbon grid intensity and PUE
 * @param lacoste n and p_max of the Lacoste et al. estimate
 */
public record EvaluationSettings(Device device, EnergyMeter meter, CarbonAccounting carbon, LacosteEstimate lacoste) {
    public EvaluationSettings {
        Check.notNull("device", device);
        Check.notNull("energy meter", meter);
        Check.notNull("carbon", carbon);
        Check.notNull("Lacoste estimate", lacoste);
    }
}
