package io.paretone.experiments.report;

import io.paretone.evaluators.objectives.Objective;
import java.util.Locale;

/** How each objective is headed and printed in tables; an objective without an entry prints its name and value. */
final class ObjectiveColumns {
    private ObjectiveColumns() {}

    static String header(Objective o) {
        return switch (o.name()) {
            case "co2e" -> "CO2e [g]";
            case "parameters" -> "params";
            case "flops" -> "FLOPs/s";
            case "one_minus_pmos" -> "1-%MOS";
            case "inference_energy" -> "gen J/s";
            case "latency" -> "RTF";
            default -> o.name();
        };
    }

    static String format(Objective o, double value) {
        return switch (o.name()) {
            case "co2e" -> String.format(Locale.ROOT, "%.4g", value * 1000);
            case "parameters", "flops" -> Units.count(value);
            case "one_minus_pmos" -> String.format(Locale.ROOT, "%.4f", value);
            default -> String.format(Locale.ROOT, "%.4g", value);
        };
    }
}
