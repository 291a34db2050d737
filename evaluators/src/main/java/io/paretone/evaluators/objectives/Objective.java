package io.paretone.evaluators.objectives;

import io.paretone.evaluators.CandidateMeasurement;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One minimised objective read from a candidate's measurement. Every objective is minimised; a
 * quality score becomes {@code 1 - score} here and nowhere else.
 *
 * @param name short name for tables and files
 * @param unit unit of {@link #value}
 */
public record Objective(String name, String unit, String meaning, ToDoubleFunction<CandidateMeasurement> reader) {

    /** Training CO2e, from the energy meter's figure. */
    public static final Objective CO2E =
            new Objective("co2e", "kgCO2e", "CO2e of training", CandidateMeasurement::trainingKgCo2e);

    /** Trainable parameters. */
    public static final Objective PARAMETERS =
            new Objective("parameters", "count", "trainable parameters", m -> m.parameters());

    /** Forward FLOPs per generated second of audio. */
    public static final Objective FLOPS =
            new Objective("fpos", "FLOPs/s of audio", "forward FLOPs to generate one second",
                    m -> m.generationFlopsPerSecond());

    /** 1 - %MOS from the quality proxy. */
    public static final Objective QUALITY =
            new Objective("one_minus_pmos", "1 - %MOS", "quality loss against real audio",
                    CandidateMeasurement::oneMinusPercentMos);

    /** The four objectives of paretone, in this order everywhere. */
    public static final List<Objective> ALL = List.of(CO2E, PARAMETERS, FLOPS, QUALITY);

    public double value(CandidateMeasurement measurement) {
        return reader.applyAsDouble(measurement);
    }
}
