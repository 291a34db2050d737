package io.paretone.search.footprint;

import io.paretone.spaces.check.Check;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.uma.jmetal.component.catalogue.common.termination.Termination;

/**
 * Stops a search once its measured CO2e (candidates and overhead so far) reaches a budget. As a
 * jMetal {@link Termination} it ends the evolutionary loop after the generation in which the
 * budget was reached; {@link #reached()} lets the trial runner leave that generation's remaining
 * candidates untrained, so no energy is spent past the budget beyond the candidate in flight.
 * Once reached, it stays reached.
 */
public final class CarbonBudget implements Termination {
    private static final CarbonBudget UNLIMITED = new CarbonBudget();

    private final double kg;
    private final DoubleSupplier kgSoFar;
    private double reachedAtKg = Double.NaN;

    /**
     * @param kg the budget in kgCO2e
     * @param kgSoFar the search's measured kgCO2e so far
     */
    public CarbonBudget(double kg, DoubleSupplier kgSoFar) {
        this.kg = Check.positive("carbon budget (kg)", kg);
        this.kgSoFar = kgSoFar;
    }

    private CarbonBudget() {
        this.kg = Double.POSITIVE_INFINITY;
        this.kgSoFar = () -> 0;
    }

    /** A budget that is never reached. */
    public static CarbonBudget unlimited() {
        return UNLIMITED;
    }

    public boolean limited() {
        return this != UNLIMITED;
    }

    /** The budget in kgCO2e; infinite when unlimited. */
    public double kg() {
        return kg;
    }

    /** True once the measured total has reached the budget. */
    public synchronized boolean reached() {
        if (!limited()) {
            return false;
        }
        if (Double.isNaN(reachedAtKg)) {
            double now = kgSoFar.getAsDouble();
            if (now >= kg) {
                reachedAtKg = now;
            }
        }
        return !Double.isNaN(reachedAtKg);
    }

    /** The measured total when the budget was found reached; NaN while it is not. */
    public synchronized double reachedAtKg() {
        return reachedAtKg;
    }

    @Override
    public boolean isMet(Map<String, Object> algorithmStatusData) {
        return reached();
    }
}
