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
import java.util.function.Function;

/**
 * The shipped table of published audio models ({@code published-models.yaml} beside this class),
 * with the Pareto-optimal ones on a pair of minimised figures.
 *
 * @param collection the survey the training resources were collected from
 */
public record PublishedModels(String collection, List<PublishedModel> models) {
    static final String RESOURCE = "published-models.yaml";

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
                throw new IllegalStateException("the published-models table " + RESOURCE + " is missing from the build");
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

    /** The models for which both figures are known. */
    public List<PublishedModel> withBoth(Function<PublishedModel, OptionalDouble> x, Function<PublishedModel, OptionalDouble> y) {
        return models.stream().filter(m -> x.apply(m).isPresent() && y.apply(m).isPresent()).toList();
    }

    /** Among the models with both figures, those that no other is at least as good as on both, and better on one. */
    public List<PublishedModel> paretoOptimal(
            Function<PublishedModel, OptionalDouble> x, Function<PublishedModel, OptionalDouble> y) {
        return ParetoFront.nonDominated(withBoth(x, y),
                m -> new double[] {x.apply(m).getAsDouble(), y.apply(m).getAsDouble()});
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
