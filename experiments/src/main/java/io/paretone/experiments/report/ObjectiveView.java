package io.paretone.experiments.report;

import io.paretone.search.store.StoredObjective;
import io.paretone.search.store.StoredStudy;
import io.paretone.search.store.StoredTrial;
import io.paretone.spaces.Domain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How reports show one objective of a study: its label, the unit its values are shown in, whether
 * a log axis suits it, and how each trial's value was obtained (measured, estimated or counted).
 * Stored values stay in the stored unit; {@link #shown} converts for people.
 *
 * @param index position of the objective in each trial's values
 * @param label short label for table columns, with the shown unit
 * @param title longer label for axes, with the shown unit
 * @param scale stored value x scale = shown value
 * @param logScale true for objectives spanning orders of magnitude
 * @param domain the study's domain, whose generated unit the per-unit objectives count in
 */
public record ObjectiveView(
        StoredObjective objective, int index, String label, String title, double scale, boolean logScale, Domain domain) {

    /** The views of a study's objectives, in its order, in the words of its domain. */
    public static List<ObjectiveView> of(StoredStudy study) {
        List<ObjectiveView> out = new ArrayList<>();
        for (int i = 0; i < study.objectives().size(); i++) {
            out.add(of(study.objectives().get(i), i, study.domain()));
        }
        return out;
    }

    static ObjectiveView of(StoredObjective o, int index, Domain d) {
        String per = "/" + d.shortUnit();
        return switch (o.name()) {
            case "co2e" -> new ObjectiveView(o, index, "CO2e [g]", "training CO2e [gCO2e]", 1000, true, d);
            case "parameters" -> new ObjectiveView(o, index, "params", "trainable parameters", 1, true, d);
            case "flops", "fpos" -> new ObjectiveView(o, index, "FLOPs" + per, "FLOPs per generated " + d.unit(), 1, true, d);
            case "one_minus_pmos" -> new ObjectiveView(o, index, "1-%MOS", "1 - %MOS (0 = like " + d.realData() + ", 1 = noise)",
                    1, false, d);
            case "inference_energy" -> new ObjectiveView(o, index, "gen J" + per, "generation energy [J per " + d.unit() + "]",
                    1, true, d);
            case "latency" -> d == Domain.AUDIO
                    ? new ObjectiveView(o, index, "RTF", "real-time factor [s per " + d.unit() + "]", 1, true, d)
                    : new ObjectiveView(o, index, "s" + per, "generation time [s per " + d.unit() + "]", 1, true, d);
            default -> new ObjectiveView(o, index, o.name(), o.name() + " [" + o.unit() + "]", 1, false, d);
        };
    }

    public String name() {
        return objective.name();
    }

    /** The trial's stored value (in {@link StoredObjective#unit()}). */
    public double value(StoredTrial t) {
        return t.objectives()[index];
    }

    public double shown(StoredTrial t) {
        return value(t) * scale;
    }

    /** A stored value as people read it, in the shown unit. */
    public String format(double storedValue) {
        double v = storedValue * scale;
        return switch (objective.name()) {
            case "parameters", "flops", "fpos" -> Units.count(v);
            case "one_minus_pmos" -> String.format(Locale.ROOT, "%.4f", v);
            default -> String.format(Locale.ROOT, "%.4g", v);
        };
    }

    /** One word: measured, estimated or counted. */
    public String basis(StoredTrial t) {
        return switch (objective.name()) {
            case "co2e", "inference_energy" -> t.metrics() != null && !t.metrics().energyEstimated() ? "measured" : "estimated";
            case "parameters", "flops", "fpos" -> "counted";
            case "one_minus_pmos" -> "estimated";
            case "latency" -> "measured";
            default -> "measured";
        };
    }

    /** How the value was obtained, in words. */
    public String how(StoredTrial t) {
        return switch (objective.name()) {
            case "co2e" -> t.metrics() == null ? "training energy x grid carbon intensity"
                    : "training energy " + (t.metrics().energyEstimated() ? "estimated" : "measured") + " by the "
                            + t.metrics().energyMeter() + " meter x grid carbon intensity";
            case "parameters" -> "trainable parameters counted";
            case "flops", "fpos" -> "forward FLOPs to generate one " + domain.unit() + ", counted from layer shapes";
            case "inference_energy" -> "energy of generation per " + domain.unit() + ", "
                    + (t.metrics() != null && !t.metrics().energyEstimated() ? "measured" : "estimated") + " by the energy meter";
            case "latency" -> "measured wall time to generate one " + domain.unit() + " on the trial's device";
            case "one_minus_pmos" -> "1 - %MOS from the calibrated quality proxy, not a listening test";
            default -> objective.meaning();
        };
    }
}
