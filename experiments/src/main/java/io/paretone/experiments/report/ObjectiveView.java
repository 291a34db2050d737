package io.paretone.experiments.report;

import io.paretone.evaluators.objectives.Objective;
import io.paretone.search.store.StoredObjective;
import io.paretone.search.store.StoredStudy;
import io.paretone.search.store.StoredTrial;
import io.paretone.spaces.Domain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How reports show one objective of a study: its label, the unit its values are shown in, whether
 * a log axis suits it, and how each trial's value was obtained (measured, estimated or counted),
 * all as {@link Objective#shown()} declares them. Stored values stay in the stored unit;
 * {@link #shown} converts for people.
 *
 * @param index position of the objective in each trial's values
 * @param label short label for table columns, with the shown unit
 * @param title longer label for axes, with the shown unit
 * @param scale stored value x scale = shown value
 * @param logScale true for objectives spanning orders of magnitude
 * @param domain the study's domain, whose generated unit the per-unit objectives count in
 * @param shown the objective's declaration; for one this build does not know, plain words from the study
 */
public record ObjectiveView(
        StoredObjective objective,
        int index,
        String label,
        String title,
        double scale,
        boolean logScale,
        Domain domain,
        Objective.Shown shown) {

    /** The views of a study's objectives, in its order, in the words of its domain. */
    public static List<ObjectiveView> of(StoredStudy study) {
        List<ObjectiveView> out = new ArrayList<>();
        for (int i = 0; i < study.objectives().size(); i++) {
            out.add(of(study.objectives().get(i), i, study.domain()));
        }
        return out;
    }

    static ObjectiveView of(StoredObjective o, int index, Domain d) {
        Optional<Objective> known = Objective.stored(o.name());
        Objective.Shown shown = known.map(Objective::shown)
                .orElseGet(() -> new Objective.Shown(
                        new Objective.Labels(o.name(), o.name() + " [" + o.unit() + "]"),
                        Map.of(),
                        1,
                        Objective.Format.SIGNIFICANT,
                        Objective.Basis.MEASURED,
                        o.meaning()));
        boolean log = known.map(k -> k.bounds().logarithmic()).orElse(false);
        Objective.Labels labels = shown.labelsIn(d);
        return new ObjectiveView(o, index, labels.label(), labels.title(), shown.scale(), log, d, shown);
    }

    public String name() {
        return objective.name();
    }

    /** The trial's stored value (in {@link StoredObjective#unit()}). */
    public double value(StoredTrial t) {
        return t.outcome().objectives().getOrDefault(objective.name(), Double.NaN);
    }

    public double shown(StoredTrial t) {
        return value(t) * scale;
    }

    /** A stored value as people read it, in the shown unit. */
    public String format(double storedValue) {
        double v = storedValue * scale;
        return switch (shown.format()) {
            case COUNT -> Units.count(v);
            case FIXED -> String.format(Locale.ROOT, "%.4f", v);
            case SIGNIFICANT -> String.format(Locale.ROOT, "%.4g", v);
        };
    }

    /** One word: measured, estimated or counted. */
    public String basis(StoredTrial t) {
        return shown.basis().word(meterMeasured(t));
    }

    /** How the value was obtained, in words. */
    public String how(StoredTrial t) {
        String meter = meterMeasured(t) ? "measured" : "estimated";
        return shown.howIn(domain)
                .replace(Objective.BASIS, meter)
                .replace(
                        Objective.METERED_BY,
                        t.outcome().metrics() == null
                                ? ""
                                : " " + meter + " by the "
                                        + t.outcome().metrics().energyMeter() + " meter");
    }

    private static boolean meterMeasured(StoredTrial t) {
        return t.outcome().metrics() != null && !t.outcome().metrics().energyEstimated();
    }
}
