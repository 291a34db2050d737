package io.paretone.evaluators.objectives;

import io.paretone.evaluators.CandidateMeasurement;
import io.paretone.spaces.Domain;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.check.InvalidValueException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * One minimised objective read from a candidate's measurement, and everything else said about it:
 * how reports show it ({@link Shown}) and the box that normalises it for the hypervolume
 * ({@link Bounds}). Adding an objective is adding a constant here and to {@link #ALL}; nothing
 * elsewhere switches on objective names. Every objective is minimised; a quality score becomes
 * {@code 1 - score} here and nowhere else. A study minimises any subset of {@link #ALL}, chosen by
 * name. Objectives are the same for every domain; their words name the domain's generated unit
 * through the placeholders {@value #UNIT}, {@value #SHORT_UNIT} and {@value #REAL}, filled by
 * {@link #in(Domain)} and {@link Shown#labelsIn(Domain)}.
 *
 * @param name short name for options, tables and files
 * @param unit unit of {@link #value}
 * @param shown how reports label, scale, format and explain it
 * @param bounds its default normalisation box
 * @param formerNames names studies stored before a rename still use for it
 */
public record Objective(
        String name,
        String unit,
        String meaning,
        ToDoubleFunction<CandidateMeasurement> reader,
        Shown shown,
        Bounds bounds,
        List<String> formerNames) {
    /** Stands for the domain's generated unit in {@link #unit} and {@link #meaning}, such as "image". */
    public static final String UNIT = "{unit}";
    /** Stands for the domain's generated unit in a column heading, such as "img". */
    public static final String SHORT_UNIT = "{short_unit}";
    /** Stands for the domain's held-out real data in {@link #meaning}. */
    public static final String REAL = "{real}";
    /** Stands, in {@link Shown#how}, for "measured" or "estimated", as the trial's energy meter says. */
    public static final String BASIS = "{basis}";
    /**
     * Stands, in {@link Shown#how}, for " measured by the M meter" (or estimated) when the trial's
     * meter is known, else for nothing.
     */
    public static final String METERED_BY = "{metered_by}";

    /** Training CO2e, from the energy meter's figure. */
    public static final Objective CO2E = new Objective(
            "co2e",
            "kgCO2e",
            "CO2e of training",
            CandidateMeasurement::trainingKgCo2e,
            new Shown(
                    new Labels("CO2e [g]", "training CO2e [gCO2e]"),
                    Map.of(),
                    1000,
                    Format.SIGNIFICANT,
                    Basis.METERED,
                    "training energy" + METERED_BY + " x grid carbon intensity"),
            Bounds.log(1e-8, 1e-1),
            List.of());

    /** Trainable parameters. */
    public static final Objective PARAMETERS = new Objective(
            "parameters",
            "count",
            "trainable parameters",
            m -> m.cost().parameters(),
            new Shown(
                    new Labels("params", "trainable parameters"),
                    Map.of(),
                    1,
                    Format.COUNT,
                    Basis.COUNTED,
                    "trainable parameters counted"),
            Bounds.log(1e2, 1e8),
            List.of());

    /** Forward FLOPs per generated unit. */
    public static final Objective FLOPS = new Objective(
            "flops",
            "FLOPs per " + UNIT,
            "forward FLOPs to generate one " + UNIT,
            m -> m.cost().generationFlopsPerUnit(),
            new Shown(
                    new Labels("FLOPs/" + SHORT_UNIT, "FLOPs per generated " + UNIT),
                    Map.of(),
                    1,
                    Format.COUNT,
                    Basis.COUNTED,
                    "forward FLOPs to generate one " + UNIT + ", counted from layer shapes"),
            Bounds.log(1e5, 1e13),
            List.of("fpos"));

    /** 1 - %MOS from the quality proxy. */
    public static final Objective QUALITY = new Objective(
            "one_minus_pmos",
            "1 - %MOS",
            "quality loss against " + REAL,
            CandidateMeasurement::oneMinusPercentMos,
            new Shown(
                    new Labels("1-%MOS", "1 - %MOS (0 = like " + REAL + ", 1 = noise)"),
                    Map.of(),
                    1,
                    Format.FIXED,
                    Basis.ESTIMATED,
                    "1 - %MOS from the calibrated quality proxy, not a listening test"),
            Bounds.linear(0, 1),
            List.of());

    /** Measured energy of generation per generated unit. */
    public static final Objective INFERENCE_ENERGY = new Objective(
            "inference_energy",
            "J per " + UNIT,
            "energy to generate one " + UNIT,
            CandidateMeasurement::generationJoulesPerUnit,
            new Shown(
                    new Labels("gen J/" + SHORT_UNIT, "generation energy [J per " + UNIT + "]"),
                    Map.of(),
                    1,
                    Format.SIGNIFICANT,
                    Basis.METERED,
                    "energy of generation per " + UNIT + ", " + BASIS + " by the energy meter"),
            Bounds.log(1e-3, 1e4),
            List.of());

    /** Measured wall time of generation per generated unit on the candidate's device (the real-time factor for seconds). */
    public static final Objective LATENCY = new Objective(
            "latency",
            "s per " + UNIT,
            "wall time to generate one " + UNIT,
            m -> m.speed().secondsPerUnit(),
            new Shown(
                    new Labels("s/" + SHORT_UNIT, "generation time [s per " + UNIT + "]"),
                    Map.of(Domain.AUDIO, new Labels("RTF", "real-time factor [s per " + UNIT + "]")),
                    1,
                    Format.SIGNIFICANT,
                    Basis.MEASURED,
                    "measured wall time to generate one " + UNIT + " on the trial's device"),
            Bounds.log(1e-3, 1e3),
            List.of());

    public Objective {
        Check.notNull("shown", shown);
        Check.notNull("bounds", bounds);
        formerNames = List.copyOf(formerNames);
    }

    /** A column label and an axis title, in the words of {@link Objective#UNIT} and friends. */
    public record Labels(String label, String title) {
        Labels in(Domain domain) {
            return new Labels(words(label, domain), words(title, domain));
        }
    }

    /** How a shown value is written. */
    public enum Format {
        /** A count with a k, M, G suffix. */
        COUNT,
        /** Four decimals, for values in [0, 1]. */
        FIXED,
        /** Four significant digits. */
        SIGNIFICANT
    }

    /** How a value was obtained. */
    public enum Basis {
        /** Counted exactly, such as parameters. */
        COUNTED,
        /** Measured, such as wall time. */
        MEASURED,
        /** Estimated by a model, such as the quality proxy. */
        ESTIMATED,
        /** Measured or estimated, as the energy meter of the trial was. */
        METERED;

        /** One word: counted, measured or estimated. */
        public String word(boolean meterMeasured) {
            return switch (this) {
                case COUNTED -> "counted";
                case MEASURED -> "measured";
                case ESTIMATED -> "estimated";
                case METERED -> meterMeasured ? "measured" : "estimated";
            };
        }
    }

    /**
     * How reports show an objective.
     *
     * @param labels the label and axis title, in any domain
     * @param labelsByDomain other labels in the domains named
     * @param scale stored value x scale = shown value
     * @param how how the value was obtained, in words, with {@link Objective#BASIS} and
     *     {@link Objective#METERED_BY} for the trial's meter
     */
    public record Shown(
            Labels labels, Map<Domain, Labels> labelsByDomain, double scale, Format format, Basis basis, String how) {
        public Shown {
            labelsByDomain = Map.copyOf(labelsByDomain);
        }

        /** The labels in the words of that domain. */
        public Labels labelsIn(Domain domain) {
            return labelsByDomain.getOrDefault(domain, labels).in(domain);
        }

        /** {@link #how} in the words of that domain, the meter's placeholders left for the trial. */
        public String howIn(Domain domain) {
            return words(how, domain);
        }
    }

    /**
     * The box that maps the objective onto [0, 1] unless the study gives its own.
     *
     * @param logarithmic normalise (and plot) log10 of the value: for costs spanning orders of magnitude
     */
    public record Bounds(double low, double high, boolean logarithmic) {
        static Bounds log(double low, double high) {
            return new Bounds(low, high, true);
        }

        static Bounds linear(double low, double high) {
            return new Bounds(low, high, false);
        }
    }

    /** Every objective a study can minimise, in the order tables list them. */
    public static final List<Objective> ALL = List.of(CO2E, PARAMETERS, FLOPS, QUALITY, INFERENCE_ENERGY, LATENCY);

    /** This objective in the words of a domain: its unit and meaning name what the domain generates. */
    public Objective in(Domain domain) {
        return new Objective(name, words(unit, domain), words(meaning, domain), reader, shown, bounds, formerNames);
    }

    private static String words(String text, Domain domain) {
        return text.replace(UNIT, domain.unit())
                .replace(SHORT_UNIT, domain.shortUnit())
                .replace(REAL, domain.realData());
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
        return ALL.stream()
                .filter(o -> o.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("objectives", name, "use names among " + names(ALL)));
    }

    /** The objective a stored study names, by its name or a former one; empty for one unknown here. */
    public static Optional<Objective> stored(String name) {
        return ALL.stream()
                .filter(o -> o.name.equals(name) || o.formerNames.contains(name))
                .findFirst();
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
            throw new InvalidValueException(
                    "objectives", objectives == null ? "none" : "[]", "name at least one of " + names(ALL));
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
