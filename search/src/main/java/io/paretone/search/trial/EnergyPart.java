package io.paretone.search.trial;

import io.paretone.evaluators.energy.EnergyReading;

/**
 * One part of an energy reading (a trial's training, a worker's set-up): CPU, GPU or RAM, with its own label, so a total labelled
 * measured (measured parts hold at least {@link EnergyReading#MEASURED_SHARE} of its joules) still
 * shows which part was estimated.
 *
 * @param meter the part's meter, such as {@code nvml} or {@code ram}
 * @param estimated true when derived from a model rather than read from a hardware counter
 */
public record EnergyPart(String meter, double joules, boolean estimated) {
    static EnergyPart of(EnergyReading part) {
        return new EnergyPart(part.meter(), part.joules(), part.estimated());
    }

    /** A reading's parts; a reading of one meter is its own single part. */
    public static java.util.List<EnergyPart> partsOf(EnergyReading reading) {
        return reading.parts().isEmpty()
                ? java.util.List.of(of(reading))
                : reading.parts().stream().map(EnergyPart::of).toList();
    }
}
