package io.paretone.evaluators.energy;

import io.paretone.spaces.check.Check;

/**
 * Turns energy into kgCO2e, and computes the classic estimate of Lacoste et al. (2019), "Quantifying
 * the Carbon Emissions of Machine Learning": CO2e = alpha x n_devices x p_max (kW) x hours.
 *
 * @param kgPerKwh grid carbon intensity; {@value #WORLD_AVERAGE_2018} kgCO2e/kWh is the 2018 world
 *     average used by that paper
 * @param pue power usage effectiveness of the data centre, multiplying the device energy (1.0 = none)
 */
public record CarbonAccounting(double kgPerKwh, double pue) {
    public static final double WORLD_AVERAGE_2018 = 0.437;

    public CarbonAccounting {
        Check.positive("carbon intensity", kgPerKwh);
        Check.atLeast("pue", (int) Math.floor(pue), 1);
        Check.positive("pue", pue);
    }

    public static CarbonAccounting worldAverage() {
        return new CarbonAccounting(WORLD_AVERAGE_2018, 1.0);
    }

    /** kgCO2e of a measured or estimated energy. */
    public double kgCo2e(double joules) {
        return joules / 3.6e6 * pue * kgPerKwh;
    }

    /** The Lacoste et al. estimate: every device at its maximum power for the whole time. */
    public double lacosteKgCo2e(int devices, double pMaxKw, double hours) {
        return kgPerKwh * devices * pMaxKw * hours;
    }
}
