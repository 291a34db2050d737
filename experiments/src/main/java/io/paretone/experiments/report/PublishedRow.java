package io.paretone.experiments.report;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.experiments.report.published.PublishedModel;
import io.paretone.experiments.report.published.PublishedModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One published model as the console table and the HTML report print it: every figure as text,
 * "-" where not reported, and its place on the two published fronts.
 *
 * @param co2eFront "yes", "no", or "-" when a figure is missing and the model cannot be placed
 * @param parameterFront the same on (parameters, 1 - %MOS)
 */
public record PublishedRow(
        PublishedModel model,
        String hardware,
        String pMaxKw,
        String hours,
        String kgCo2e,
        String parameters,
        String mos,
        String oneMinusPercentMos,
        String co2eFront,
        String parameterFront) {

    public static List<PublishedRow> of(PublishedModels table, CarbonAccounting carbon) {
        List<PublishedModel> co2eFront = table.co2eFront(carbon);
        List<PublishedModel> parameterFront = table.parameterFront();
        List<PublishedModel> co2ePlaced = table.withBoth(m -> m.kgCo2e(carbon), PublishedModel::oneMinusPercentMos);
        List<PublishedModel> parameterPlaced =
                table.withBoth(PublishedModel::parameterCount, PublishedModel::oneMinusPercentMos);
        List<PublishedRow> rows = new ArrayList<>();
        for (PublishedModel m : table.models()) {
            rows.add(new PublishedRow(
                    m,
                    m.hardware() == null ? "not reported" : m.gpus() + " x " + m.hardware(),
                    m.pMaxKwPerGpu() == null ? "-" : String.format(Locale.ROOT, "%.2f", m.pMaxKwPerGpu()),
                    m.trainingHours() == null ? "-" : String.format(Locale.ROOT, "%.0f", m.trainingHours()),
                    fixed(m.kgCo2e(carbon), "%.1f"),
                    m.parameters() == null ? "-" : Units.count(m.parameters()),
                    mos(m),
                    fixed(m.oneMinusPercentMos(), "%.3f"),
                    membership(m, co2ePlaced, co2eFront),
                    membership(m, parameterPlaced, parameterFront)));
        }
        return rows;
    }

    private static String mos(PublishedModel m) {
        if (m.mos() == null) {
            return "not reported";
        }
        return String.format(
                Locale.ROOT,
                "%.2f%s (%.2f%s)",
                m.mos(),
                interval(m.mosCi()),
                m.groundTruthMos(),
                interval(m.groundTruthCi()));
    }

    private static String interval(Double ci) {
        return ci == null ? "" : String.format(Locale.ROOT, " +- %.2f", ci);
    }

    private static String fixed(OptionalDouble v, String format) {
        return v.isPresent() ? String.format(Locale.ROOT, format, v.getAsDouble()) : "-";
    }

    private static String membership(PublishedModel m, List<PublishedModel> placed, List<PublishedModel> front) {
        return !placed.contains(m) ? "-" : front.contains(m) ? "yes" : "no";
    }
}
