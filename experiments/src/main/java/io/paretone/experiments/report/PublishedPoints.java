package io.paretone.experiments.report;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.experiments.report.published.PublishedModel;
import io.paretone.experiments.report.published.PublishedModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

/**
 * The published models placed on a pair of a study's objectives, in the study's stored units. Only
 * training CO2e (at the study's grid intensity), parameters and 1 - %MOS are published; a pair with
 * another objective has no published points.
 */
public final class PublishedPoints {
    /** A published model's position on one pair of objectives, stored units. */
    public record Point(PublishedModel model, double x, double y) {}

    /** The objectives the published models report a figure for, and how to read it. */
    private static final Map<Objective, BiFunction<PublishedModel, CarbonAccounting, OptionalDouble>> REPORTED = Map.of(
            Objective.CO2E, PublishedModel::kgCo2e,
            Objective.PARAMETERS, (m, carbon) -> m.parameterCount(),
            Objective.QUALITY, (m, carbon) -> m.oneMinusPercentMos());

    private PublishedPoints() {}

    public static List<Point> on(PublishedModels published, ObjectiveView x, ObjectiveView y, double kgPerKwh) {
        CarbonAccounting carbon = new CarbonAccounting(kgPerKwh, 1.0);
        List<Point> out = new ArrayList<>();
        for (PublishedModel m : published.models()) {
            OptionalDouble vx = value(m, x, carbon);
            OptionalDouble vy = value(m, y, carbon);
            if (vx.isPresent() && vy.isPresent()) {
                out.add(new Point(m, vx.getAsDouble(), vy.getAsDouble()));
            }
        }
        return out;
    }

    static OptionalDouble value(PublishedModel m, ObjectiveView v, CarbonAccounting carbon) {
        return Objective.stored(v.name())
                .map(REPORTED::get)
                .map(read -> read.apply(m, carbon))
                .orElse(OptionalDouble.empty());
    }
}
