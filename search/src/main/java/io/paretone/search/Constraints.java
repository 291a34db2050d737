package io.paretone.search;

import io.paretone.spaces.check.Check;

/**
 * Limits a candidate must respect to be feasible. A limit of 0 means none. Violations are graded
 * (how far over, relative to the limit) so NSGA-II can steer back, as jMetal's constraint
 * handling expects: a constraint value below zero is a violation of that size.
 *
 * @param maxParameters most trainable parameters; checked before training, so an oversize
 *     candidate costs no training energy
 * @param maxKgCo2e most training CO2e per candidate, in kg
 */
public record Constraints(long maxParameters, double maxKgCo2e) {
    public static final Constraints NONE = new Constraints(0, 0);

    /** Indices into a solution's constraint values. */
    static final int TRAINED = 0;
    static final int PARAMETERS = 1;
    static final int CO2E = 2;
    static final int COUNT = 3;

    public Constraints {
        if (maxParameters < 0) {
            Check.positive("max_parameters", maxParameters);
        }
        if (maxKgCo2e < 0) {
            Check.positive("max_co2e_kg", maxKgCo2e);
        }
    }

    /** A value below zero when {@code parameters} exceeds the limit. */
    public double parameterSlack(long parameters) {
        return maxParameters == 0 ? 0 : Math.min(0, (maxParameters - (double) parameters) / maxParameters);
    }

    /** A value below zero when {@code kgCo2e} exceeds the limit. */
    public double co2eSlack(double kgCo2e) {
        return maxKgCo2e == 0 ? 0 : Math.min(0, (maxKgCo2e - kgCo2e) / maxKgCo2e);
    }
}
