package io.paretone.evaluators.objectives;

import io.paretone.evaluators.CandidateMeasurement;
import io.paretone.spaces.check.InvalidValueException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * One minimised objective read from a candidate's measurement. Every objective is minimised; a
 * quality score becomes {@code 1 - score} here and nowhere else. A study minimises any subset of
 * {@link #ALL}, chosen by name.
 *
 * @param name short name for options, tables and files
 * @param unit unit of {@link #value}
 */
public record Objective(String name, String unit, String meaning, ToDoubleFunction<CandidateMeasurement> reader) {

    /** Training CO2e, from the energy meter's figure. */
    public static final Objective CO2E =
            new Objective("co2e", "kgCO2e", "CO2e of training", CandidateMeasurement::trainingKgCo2e);

    /** Trainable parameters. */
    public static final Objective PARAMETERS =
            new Objective("parameters", "count", "trainable parameters", m -> m.cost().parameters());

    /** Forward FLOPs per generated second of audio. */
    public static final Objective FLOPS =
            new Objective("flops", "FLOPs per second of audio", "forward FLOPs to generate one second of audio",
                    m -> m.cost().generationFlopsPerSecond());

    /** 1 - %MOS from the quality proxy. */
    public static final Objective QUALITY =
            new Objective("one_minus_pmos", "1 - %MOS", "quality loss against real audio",
                    CandidateMeasurement::oneMinusPercentMos);

    /** Measured energy of generation per second of audio. */
    public static final Objective INFERENCE_ENERGY =
            new Objective("inference_energy", "J per second of audio", "energy to generate one second of audio",
                    CandidateMeasurement::generationJoulesPerSecond);

    /** Measured real-time factor of generation on the candidate's device. */
    public static final Objective LATENCY =
            new Objective("latency", "s per second of audio", "wall time to generate one second of audio (real-time factor)",
                    m -> m.speed().realTimeFactor());

    /** Every objective a study can minimise, in the order tables list them. */
    public static final List<Objective> ALL = List.of(CO2E, PARAMETERS, FLOPS, QUALITY, INFERENCE_ENERGY, LATENCY);

    public double value(CandidateMeasurement measurement) {
        return reader.applyAsDouble(measurement);
    }

    /**
     * The objective of that name.
     *
     * @throws InvalidValueException naming the known objectives if there is none
     */
    public static Objective byName(String name) {
        return ALL.stream().filter(o -> o.name.equals(name)).findFirst().orElseThrow(() ->
                new InvalidValueException("objectives", name, "use names among " + names(ALL)));
    }

    /**
     * Objectives by name, in the order given.
     *
     * @throws InvalidValueException if the list is empty, a name is unknown or repeated
     */
    public static List<Objective> byNames(List<String> names) {
        if (names == null) {
            return checkSet(null);
        }
        return checkSet(names.stream().map(String::strip).map(Objective::byName).toList());
    }

    /**
     * A usable set of objectives: at least one, none twice.
     *
     * @return an unmodifiable copy
     * @throws InvalidValueException otherwise
     */
    public static List<Objective> checkSet(List<Objective> objectives) {
        if (objectives == null || objectives.isEmpty()) {
            throw new InvalidValueException("objectives", objectives == null ? "none" : "[]",
                    "name at least one of " + names(ALL));
        }
        if (objectives.stream().distinct().count() != objectives.size()) {
            throw new InvalidValueException("objectives", names(objectives), "name each objective once");
        }
        return List.copyOf(objectives);
    }

    /** Comma-separated names, for messages and files. */
    public static String names(List<Objective> objectives) {
        return objectives.stream().map(Objective::name).collect(Collectors.joining(","));
    }
}
