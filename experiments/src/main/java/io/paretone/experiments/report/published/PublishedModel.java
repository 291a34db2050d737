package io.paretone.experiments.report.published;

import io.paretone.evaluators.energy.CarbonAccounting;
import java.util.OptionalDouble;

/**
 * A published audio model as reported: training resources and listening-test MOS. Absent figures
 * (null) were not reported.
 *
 * @param source the model's paper: authors, title, venue, year
 * @param gpus n in the Lacoste et al. estimate
 * @param pMaxKwPerGpu p_max of one GPU, kW
 * @param mos the model's mean opinion score, with {@code mosCi} its +- interval
 * @param groundTruthMos real recordings' MOS in the same listening test
 * @param mosSource the listening test the MOS figures come from
 * @param resourcesSource where hardware, hours and parameters come from
 * @param collectionDiffers what the collection has where it differs from the source (kept here)
 */
public record PublishedModel(
        String name,
        String source,
        String hardware,
        Integer gpus,
        Double pMaxKwPerGpu,
        Double trainingHours,
        Long parameters,
        Double mos,
        Double mosCi,
        Double groundTruthMos,
        Double groundTruthCi,
        String mosSource,
        String dataset,
        String resourcesSource,
        String collectionDiffers) {

    /** alpha x n x p_max x hours, when the training resources were reported. */
    public OptionalDouble kgCo2e(CarbonAccounting carbon) {
        return gpus == null || pMaxKwPerGpu == null || trainingHours == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(carbon.lacosteKgCo2e(gpus, pMaxKwPerGpu, trainingHours));
    }

    /** n x p_max x hours. */
    public OptionalDouble kwh() {
        return gpus == null || pMaxKwPerGpu == null || trainingHours == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(gpus * pMaxKwPerGpu * trainingHours);
    }

    /**
     * 1 - %MOS, where %MOS is the model's MOS relative to the ground truth's in the same test (the
     * same scale as the search's quality objective: 0 = rated like real audio).
     */
    public OptionalDouble oneMinusPercentMos() {
        return mos == null || groundTruthMos == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(1 - mos / groundTruthMos);
    }

    public OptionalDouble parameterCount() {
        return parameters == null ? OptionalDouble.empty() : OptionalDouble.of(parameters);
    }
}
