package io.paretone.evaluators.energy;

import io.paretone.spaces.check.Check;
import java.util.Locale;

/**
 * Turns energy into kgCO2e, and computes the classic estimate of Lacoste et al. (2019), "Quantifying
 * the Carbon Emissions of Machine Learning": CO2e = alpha x PUE x n_devices x p_max (kW) x hours.
 *
 * @param kgPerKwh grid carbon intensity (alpha); {@value #WORLD_AVERAGE_2018} kgCO2e/kWh is the 2018
 *     world average used by that paper
 * @param pue power usage effectiveness of the data centre, multiplying the device energy (1.0 = none)
 * @param source where the intensity came from, in words
 */
public record CarbonAccounting(double kgPerKwh, double pue, String source) {
    public static final double WORLD_AVERAGE_2018 = 0.437;
    private static final String WORLD_SOURCE = "2018 world average used by Lacoste et al. (2019)";

    public CarbonAccounting {
        Check.positive("carbon intensity", kgPerKwh);
        Check.positive("pue", pue);
        Check.that(pue >= 1, "pue", pue, "must be at least 1.0 (1.0 = no data-centre overhead)");
        Check.notNull("carbon intensity source", source);
    }

    public CarbonAccounting(double kgPerKwh, double pue) {
        this(kgPerKwh, pue, "given");
    }

    public static CarbonAccounting worldAverage() {
        return new CarbonAccounting(WORLD_AVERAGE_2018, 1.0, WORLD_SOURCE);
    }

    /**
     * The intensity a study uses: {@code kgPerKwh} when given, else the region's from the shipped
     * table, else the 2018 world average.
     *
     * @param region ISO 3166 code, or null
     * @param kgPerKwh an intensity given by the user, or null; it overrides the region
     * @param pue the data centre's PUE, or null for 1.0
     */
    public static CarbonAccounting of(String region, Double kgPerKwh, Double pue) {
        double p = pue == null ? 1.0 : pue;
        GridIntensities.GridIntensity grid =
                region == null ? null : GridIntensities.shipped().require(region);
        if (kgPerKwh != null) {
            String source = grid == null
                    ? "given"
                    : String.format(Locale.ROOT, "given (overrides region %s: %.3f)", grid.iso2(), grid.kgPerKwh());
            return new CarbonAccounting(kgPerKwh, p, source);
        }
        if (grid != null) {
            return new CarbonAccounting(grid.kgPerKwh(), p, grid.source());
        }
        return new CarbonAccounting(WORLD_AVERAGE_2018, p, WORLD_SOURCE);
    }

    /** kgCO2e of a measured or estimated energy, PUE included. */
    public double kgCo2e(double joules) {
        return joules / 3.6e6 * pue * kgPerKwh;
    }

    /**
     * The Lacoste et al. estimate: every device at its maximum power for the whole time, with the
     * same PUE as {@link #kgCo2e} so the estimate and the measured figure compare like for like
     * (Lacoste et al.'s own figures assume no data-centre overhead: PUE 1.0).
     */
    public double lacosteKgCo2e(int devices, double pMaxKw, double hours) {
        return kgCo2e(devices * pMaxKw * hours * 3.6e6);
    }
}
