package io.paretone.experiments.report.published;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.search.pareto.ParetoFront;
import io.paretone.search.store.StoredStudy;
import io.paretone.spaces.Domain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The shipped table of published audio models ({@code published-models.yaml} beside this class),
 * with the Pareto-optimal ones on a pair of minimised figures.
 *
 * @param collection the survey the training resources were collected from
 */
public record PublishedModels(String collection, List<PublishedModel> models) {
    public static final String RESOURCE = "published-models.yaml";

    /**
     * How far a count of ours may lie from the published one when our build has the published
     * layers ({@link io.paretone.spaces.PublishedConfiguration#reproducesCount}): 10%, since
     * papers round their counts (GANSynth's layers add up to 14.1 M, quoted as 15 M).
     */
    public static final double PARAMETER_TOLERANCE = 0.10;

    public PublishedModels {
        models = List.copyOf(models);
    }

    /** The shipped table; strict, so a misspelt key in it fails at once. */
    public static PublishedModels load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = PublishedModels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the published-models table " + RESOURCE + " is missing from the build");
            }
            return yaml.readValue(in, PublishedModels.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * The published models a study is compared with: the shipped table, which holds audio models,
     * for audio studies; none for a study of another domain, whose axes they do not share.
     */
    public static PublishedModels forStudy(StoredStudy study) {
        PublishedModels shipped = load();
        return study.domain() == Domain.AUDIO ? shipped : new PublishedModels(shipped.collection(), List.of());
    }

    /**
     * The published parameter count of a model of this table, or empty when it was not reported.
     *
     * @throws IllegalArgumentException if the table has no model of that name
     */
    public OptionalLong parameters(String name) {
        PublishedModel model = models.stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the published-models table " + RESOURCE
                        + " has no model named '" + name + "'; its models are "
                        + models.stream().map(PublishedModel::name).toList()));
        return model.parameters() == null ? OptionalLong.empty() : OptionalLong.of(model.parameters());
    }

    /** The models for which both figures are known. */
    public List<PublishedModel> withBoth(
            Function<PublishedModel, OptionalDouble> x, Function<PublishedModel, OptionalDouble> y) {
        return models.stream()
                .filter(m -> x.apply(m).isPresent() && y.apply(m).isPresent())
                .toList();
    }

    /** Among the models with both figures, those that no other is at least as good as on both, and better on one. */
    public List<PublishedModel> paretoOptimal(
            Function<PublishedModel, OptionalDouble> x, Function<PublishedModel, OptionalDouble> y) {
        return ParetoFront.nonDominated(withBoth(x, y), m ->
                new double[] {x.apply(m).getAsDouble(), y.apply(m).getAsDouble()});
    }

    /** The front on (training CO2e, 1 - %MOS). */
    public List<PublishedModel> co2eFront(CarbonAccounting carbon) {
        return paretoOptimal(m -> m.kgCo2e(carbon), PublishedModel::oneMinusPercentMos);
    }

    /** The front on (parameters, 1 - %MOS). */
    public List<PublishedModel> parameterFront() {
        return paretoOptimal(PublishedModel::parameterCount, PublishedModel::oneMinusPercentMos);
    }
}
