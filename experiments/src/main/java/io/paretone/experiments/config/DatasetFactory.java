package io.paretone.experiments.config;

import io.paretone.evaluators.data.Dataset;
import io.paretone.spaces.Domain;
import io.paretone.spaces.check.InvalidValueException;
import java.util.List;

/**
 * Builds the configured dataset: resolves its kind ({@link DatasetKind}: named, or implied by the
 * domain and whether a folder is given), checks it against the study's domain and the keys given,
 * and lets the kind build it.
 */
public final class DatasetFactory {
    private DatasetFactory() {}

    /** The domain of a dataset kind; null for no kind or an unknown one. */
    public static Domain domainOf(String kind) {
        DatasetKind k = DatasetKind.named(kind);
        return k == null ? null : k.domain();
    }

    /**
     * @param domain the study's domain: without a kind, its default dataset (notes, rendered
     *     digits), or its folder kind when a folder is given
     * @param seed the study seed, which also fixes the dataset
     * @throws InvalidValueException for an unknown kind, a kind of another domain, a key of another
     *     kind, or a wrong value
     */
    public static Dataset create(StudyConfig.DatasetConfig c, Domain domain, long seed) {
        DatasetKind kind = c.kind == null ? DatasetKind.implied(domain, c.folder != null) : DatasetKind.named(c.kind);
        if (kind == null) {
            throw new InvalidValueException(
                    "dataset.kind", c.kind, "use one of " + DatasetKind.ids(List.of(DatasetKind.values())));
        }
        if (kind.domain() != domain) {
            throw new InvalidValueException(
                    "dataset.kind",
                    kind.id(),
                    "holds " + kind.domain() + " data, but the study's"
                            + " domain is " + domain + "; use one of " + DatasetKind.ids(DatasetKind.of(domain))
                            + ", or set domain: " + kind.domain());
        }
        StudySchema.rejectKeysOfOtherKinds(c, kind.id());
        return kind.create(c, seed);
    }
}
