package io.paretone.experiments.report;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.experiments.report.published.PublishedModel;
import io.paretone.experiments.report.published.PublishedModels;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the published models with their training CO2e, 1 - %MOS, Pareto fronts, notes and sources. */
public final class PublishedTable {
    private PublishedTable() {}

    public static void print(PublishedModels table, CarbonAccounting carbon, PrintWriter out) {
        out.println("Published audio generative models: trained elsewhere, at full scale, on other data");
        String row = "%-42s %-17s %-8s %-6s %-8s %-7s %-28s %-7s %-12s %s%n";
        out.printf(
                Locale.ROOT,
                row,
                "model",
                "hardware",
                "p_max kW",
                "hours",
                "CO2e kg",
                "params",
                "MOS (ground truth, same test)",
                "1-%MOS",
                "Pareto CO2e",
                "Pareto params");
        for (PublishedRow r : PublishedRow.of(table, carbon)) {
            out.printf(
                    Locale.ROOT,
                    row,
                    r.model().name(),
                    r.hardware(),
                    r.pMaxKw(),
                    r.hours(),
                    r.kgCo2e(),
                    r.parameters(),
                    r.mos(),
                    r.oneMinusPercentMos(),
                    r.co2eFront(),
                    r.parameterFront());
        }
        out.println();
        for (String line : notes(table, carbon)) {
            out.println(line);
        }
        out.println();
        out.println("Where the collection differs from the source paper, the source's figure is kept:");
        table.models().stream()
                .filter(m -> m.collectionDiffers() != null)
                .forEach(m -> out.println("  " + m.name() + ": " + m.collectionDiffers()));
        out.println();
        out.println("Sources:");
        for (PublishedModel m : table.models()) {
            out.println("  " + m.name() + ": " + sources(m));
        }
        out.println("  Collection: " + table.collection());
        out.flush();
    }

    /** How the figures were computed, and the two fronts. */
    public static List<String> notes(PublishedModels table, CarbonAccounting carbon) {
        int co2ePlaced = table.withBoth(m -> m.kgCo2e(carbon), PublishedModel::oneMinusPercentMos)
                .size();
        int parameterPlaced = table.withBoth(PublishedModel::parameterCount, PublishedModel::oneMinusPercentMos)
                .size();
        return List.of(
                String.format(
                        Locale.ROOT,
                        "CO2e = alpha x n x p_max x hours, alpha = %.3f kgCO2e/kWh (Lacoste et al. 2019), p_max per GPU.",
                        carbon.kgPerKwh()),
                "1 - %MOS = 1 - MOS / ground-truth MOS of the same listening test (0 = rated like real audio);"
                        + " MOS from different tests and datasets are not strictly comparable.",
                "Pareto columns: yes / no, or - where a figure is missing and the model cannot be placed.",
                String.format(
                        "Pareto-optimal on (CO2e, 1 - %%MOS): %s (among the %d models with both figures)",
                        names(table.co2eFront(carbon)), co2ePlaced),
                String.format(
                        "Pareto-optimal on (parameters, 1 - %%MOS): %s (among the %d models with both figures)",
                        names(table.parameterFront()), parameterPlaced));
    }

    /** The model's paper, where its MOS and its training resources come from. */
    public static String sources(PublishedModel m) {
        StringBuilder b = new StringBuilder(m.source());
        if (m.mosSource() != null) {
            b.append("; MOS: ").append(m.mosSource());
        }
        if (m.resourcesSource() != null) {
            b.append("; hardware, hours and parameters: ").append(m.resourcesSource());
        }
        return b.toString();
    }

    private static String names(List<PublishedModel> models) {
        return models.stream().map(PublishedModel::name).collect(Collectors.joining(", "));
    }
}
