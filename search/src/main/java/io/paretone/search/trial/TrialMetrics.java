package io.paretone.search.trial;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.paretone.evaluators.CandidateMeasurement;
import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.quality.QualityScore;
import java.util.List;

/**
 * Measured figures of a trial, in SI units unless named otherwise. Workers send it as JSON and the
 * trial store keeps it as JSON, so a component added here is carried end to end without further
 * code. A <em>unit</em> is one generated unit of the study's domain ({@link io.paretone.spaces.Domain#unit()}:
 * the sample rate's second, an image); the aliases read figures stored before they were named per unit.
 *
 * @param percentMos the quality proxy's %MOS estimate
 * @param quality every term of that estimate with its calibration, and the memorisation check
 * @param trainingJoules energy of training, measured or estimated per {@code energyEstimated}
 * @param trainingKgCo2e CO2e of that energy
 * @param lacosteKgCo2e alpha x n x p_max x hours, for comparison
 * @param generationFlopsPerUnit forward FLOPs to generate one unit, counted
 * @param generationJoulesPerUnit energy per generated unit
 * @param initialLoss mean loss over the first tenth of training
 * @param finalLoss mean loss over the last tenth of training
 * @param modelBytes bytes of all parameter arrays at their data type
 * @param forwardFlopsPerTrainingExample forward FLOPs of one training example
 * @param trainingFlops forward + backward FLOPs of the whole training run: steps x the passes every
 *     update of a step runs, critic updates and gradient penalties included (backward = 2 x forward
 *     for layers with weights, 1 x for the rest)
 * @param generationValuesPerSecond measured generation speed in values (samples, pixel values) per
 *     wall second, warm-up excluded
 * @param secondsPerUnit wall seconds per generated unit (the real-time factor where the unit is a second)
 * @param trainingInferenceRatioUnits units that can be generated before generation energy equals
 *     the training energy
 * @param generationJoules energy of generating the judged clips
 * @param generationKgCo2e CO2e of that energy
 * @param energyDevices the metered devices with power limits and driver versions, in words
 * @param energyParts the parts of the training energy, each with its own label ({@code energyEstimated}
 *     labels the total); empty for trials stored before parts were kept
 */
public record TrialMetrics(
        long parameters,
        @JsonAlias("generation_flops_per_second") long generationFlopsPerUnit,
        double percentMos,
        QualityScore quality,
        double trainingJoules,
        double trainingKgCo2e,
        double lacosteKgCo2e,
        double trainingSeconds,
        double generationSeconds,
        @JsonAlias("generation_joules_per_second") double generationJoulesPerUnit,
        int trainingSteps,
        double initialLoss,
        double finalLoss,
        String energyMeter,
        boolean energyEstimated,
        String energyMethod,
        long modelBytes,
        long forwardFlopsPerTrainingExample,
        long trainingFlops,
        @JsonAlias("generation_samples_per_second") double generationValuesPerSecond,
        @JsonAlias("real_time_factor") double secondsPerUnit,
        @JsonAlias("training_inference_ratio_seconds") double trainingInferenceRatioUnits,
        double generationJoules,
        double generationKgCo2e,
        String energyDevices,
        List<EnergyPart> energyParts) {

    public TrialMetrics {
        energyParts = energyParts == null ? List.of() : List.copyOf(energyParts);
    }

    /** The figures of one measurement (final, or at a checkpoint). */
    public static TrialMetrics of(CandidateMeasurement m, CarbonAccounting carbon) {
        return new TrialMetrics(
                m.cost().parameters(),
                m.cost().generationFlopsPerUnit(),
                m.quality().percentMos(),
                m.quality(),
                m.training().joules(),
                m.trainingKgCo2e(),
                m.lacosteKgCo2e(),
                m.training().seconds(),
                m.generation().seconds(),
                m.generationJoulesPerUnit(),
                m.outcome().steps(),
                m.outcome().initialLoss(),
                m.outcome().finalLoss(),
                m.training().meter(),
                m.training().estimated(),
                m.training().method(),
                m.cost().modelBytes(),
                m.cost().forwardFlopsPerTrainingExample(),
                m.cost().trainingFlops(),
                m.speed().valuesPerSecond(),
                m.speed().secondsPerUnit(),
                m.trainingInferenceRatioUnits(),
                m.generation().joules(),
                carbon.kgCo2e(m.generation().joules()),
                m.training().describeDevices(),
                m.training().parts().stream().map(EnergyPart::of).toList());
    }

    /**
     * These figures with every energy figure (training, generation, their CO2e, each part) times
     * {@code f}, and {@code note} appended to the method: a trial's share of a device it
     * shared with others.
     */
    public TrialMetrics withEnergyScaled(double f, String note) {
        return new TrialMetrics(
                parameters,
                generationFlopsPerUnit,
                percentMos,
                quality,
                trainingJoules * f,
                trainingKgCo2e * f,
                lacosteKgCo2e,
                trainingSeconds,
                generationSeconds,
                generationJoulesPerUnit * f,
                trainingSteps,
                initialLoss,
                finalLoss,
                energyMeter,
                energyEstimated,
                energyMethod + "; " + note,
                modelBytes,
                forwardFlopsPerTrainingExample,
                trainingFlops,
                generationValuesPerSecond,
                secondsPerUnit,
                trainingInferenceRatioUnits,
                generationJoules * f,
                generationKgCo2e * f,
                energyDevices,
                energyParts.stream()
                        .map(p -> new EnergyPart(p.meter(), p.joules() * f, p.estimated()))
                        .toList());
    }

    /**
     * The quality objective's value: 1 - %MOS as the quality score orders it (above 1 below the noise
     * anchor), or {@code 1 - percentMos} for a trial stored without its quality terms.
     */
    public double oneMinusPercentMos() {
        return quality == null ? 1 - percentMos : quality.oneMinusPercentMos();
    }
}
