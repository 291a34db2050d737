package io.paretone.evaluators.objectives;

import io.paretone.evaluators.CandidateMeasurement;
import io.paretone.spaces.Domain;
import io.paretone.spaces.check.InvalidValueException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * One minimised objective read from a candidate's measurement. Every objective is minimised; a
 * quality score becomes {@code 1 - score} here and nowhere else. A study minimises any subset of
 * {@link #ALL}, chosen by name. Objectives are the same for every domain; their words name the
 * domain's generated unit through the placeholders {@value #UNIT} and {@value #REAL}, filled by
 * {@link #in(Domain)}.
 *
 * @param name short name for options, tables and files
 * @param unit unit of {@link #value}
 */
public record Objective(String name, String unit, String meaning, ToDoubleFunction<CandidateMeasurement> reader) {
    /** Stands for the domain's generated unit in {@link #unit} and {@link #meaning}, such as "image". */
    public static final String UNIT = "{unit}";
    /** Stands for the domain's held-out real data in {@link #meaning}. */
    public static final String REAL = "{real}";

    /** Training CO2e, from the energy meter's figure. */
    public static final Objective CO2E =
            new Objective("co2e", "kgCO2e", "CO2e of training", CandidateMeasurement::trainingKgCo2e);

    /** Trainable parameters. */
    public static final Objective PARAMETERS =
            new Objective("parameters", "count", "trainable parameters", m -> m.cost().parameters());

    /** Forward FLOPs per generated unit. */
    public static final Objective FLOPS =
            new Objective("flops", "FLOPs per " + UNIT, "forward FLOPs to generate one " + UNIT,
                    m -> m.cost().generationFlopsPerUnit());

    /** 1 - %MOS from the quality proxy. */
    public static final Objective QUALITY =
            new Objective("one_minus_pmos", "1 - %MOS", "quality loss against " + REAL,
                    CandidateMeasurement::oneMinusPercentMos);

    /** Measured energy of generation per generated unit. */
    public static final Objective INFERENCE_ENERGY =
            new Objective("inference_energy", "J per " + UNIT, "energy to generate one " + UNIT,
                    CandidateMeasurement::generationJoulesPerUnit);

    /** Measured wall time of generation per generated unit on the candidate's device (the real-time factor for seconds). */
    public static final Objective LATENCY =
            new Objective("latency", "s per " + UNIT, "wall time to generate one " + UNIT,
                    m -> m.speed().secondsPerUnit());

    /** Every objective a study can minimise, in the order tables list them. */
    public static final List<Objective> ALL = List.of(CO2E, PARAMETERS, FLOPS, QUALITY, INFERENCE_ENERGY, LATENCY);

    /** This objective in the words of a domain: its unit and meaning name what the domain generates. */
    public Objective in(Domain domain) {
        return new Objective(name, words(unit, domain), words(meaning, domain), reader);
    }

    private static String words(String text, Domain domain) {
        return text.replace(UNIT, domain.unit()).replace(REAL, domain.realData());
    }

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
