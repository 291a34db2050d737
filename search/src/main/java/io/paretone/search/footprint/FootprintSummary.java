package io.paretone.search.footprint;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.EnergyReading;
import java.util.List;
import java.util.Locale;

/**
 * What a whole search cost: its total, every candidate's share (failed ones too) and its own
 * overhead outside candidates.
 *
 * @param total the study's window, from its start to its end
 * @param totalKgCo2e CO2e of the total
 * @param candidates every candidate's charge, in order
 * @param carbon the intensity and PUE that turned energy into CO2e
 */
public record FootprintSummary(
        EnergyReading total, double totalKgCo2e, List<CandidateCharge> candidates, CarbonAccounting carbon) {

    public FootprintSummary {
        candidates = List.copyOf(candidates);
    }

    public double candidatesJoules() {
        return candidates.stream().mapToDouble(c -> c.energy().joules()).sum();
    }

    public long failedCount() {
        return candidates.stream().filter(c -> !c.completed()).count();
    }

    public double failedJoules() {
        return candidates.stream()
                .filter(c -> !c.completed())
                .mapToDouble(c -> c.energy().joules())
                .sum();
    }

    /** Energy spent outside candidates: data, calibration, warm-up, the search itself, writing. */
    public double overheadJoules() {
        return total.joules() - candidatesJoules();
    }

    public double overheadKgCo2e() {
        return carbon.kgCo2e(overheadJoules());
    }

    public double candidatesKgCo2e() {
        return carbon.kgCo2e(candidatesJoules());
    }

    /**
     * The totals to store and print.
     *
     * @param budget the carbon budget the search ran under
     * @param notTrained candidates proposed after the budget was reached
     */
    public FootprintTotals totals(CarbonBudget budget, int notTrained) {
        return new FootprintTotals(
                total.seconds(),
                total.joules(),
                total.kilowattHours(),
                totalKgCo2e,
                candidates.size(),
                candidatesJoules(),
                candidatesKgCo2e(),
                failedCount(),
                failedJoules(),
                overheadJoules(),
                overheadKgCo2e(),
                total.meter(),
                total.estimated(),
                total.method(),
                total.describeDevices(),
                carbon.kgPerKwh(),
                carbon.source(),
                carbon.pue(),
                budget.limited() ? budget.kg() : null,
                budget.reached(),
                notTrained);
    }

    /** One row per candidate, then the overhead and the total: {@code footprint.csv}. */
    public String csv() {
        StringBuilder s = new StringBuilder("part,trial,status,seconds,joules,kg_co2e,meter,estimated\n");
        for (CandidateCharge c : candidates) {
            row(
                    s,
                    "candidate",
                    Integer.toString(c.trial()),
                    c.status(),
                    c.energy().seconds(),
                    c.energy().joules(),
                    c.kgCo2e(),
                    c.energy().meter(),
                    c.energy().estimated());
        }
        row(s, "overhead", "", "", Double.NaN, overheadJoules(), overheadKgCo2e(), total.meter(), total.estimated());
        row(s, "total", "", "", total.seconds(), total.joules(), totalKgCo2e, total.meter(), total.estimated());
        return s.toString();
    }

    private static void row(
            StringBuilder s,
            String part,
            String trial,
            String status,
            double seconds,
            double joules,
            double kg,
            String meter,
            boolean estimated) {
        s.append(String.join(
                        ",",
                        part,
                        trial,
                        status,
                        Double.isNaN(seconds) ? "" : number(seconds),
                        number(joules),
                        number(kg),
                        meter,
                        Boolean.toString(estimated)))
                .append('\n');
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
