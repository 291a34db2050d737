package io.paretone.evaluators.data;

import io.paretone.spaces.check.Check;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mono clip with its labels: one value per label facet, in the dataset's facet order, such as
 * {@code instrument=73, pitch=69} for a note, {@code digit=seven} for a spoken digit or
 * {@code folder=dog} for a file of a WAV folder. Conditional models condition on {@link #label()};
 * the quality judge predicts every facet separately.
 *
 * @param samples audio in [-1, 1] at the dataset's sample rate
 * @param labels facet name to value, at least one; iteration follows the order given
 */
public record AudioClip(float[] samples, Map<String, String> labels) implements Example {
    /** The facet of a clip built from one plain label. */
    public static final String LABEL = "label";

    public AudioClip {
        Check.notNull("samples", samples);
        Check.that(labels != null && !labels.isEmpty(), "labels", labels, "give every clip at least one label");
        for (Map.Entry<String, String> e : labels.entrySet()) {
            Check.that(
                    e.getKey() != null && !e.getKey().isEmpty() && e.getValue() != null,
                    "labels",
                    labels,
                    "every facet needs a non-empty name and a value");
        }
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** A clip with a single label under the facet {@value #LABEL}. */
    public AudioClip(float[] samples, String label) {
        this(samples, Map.of(LABEL, label));
    }

    /** The samples. */
    @Override
    public float[] values() {
        return samples;
    }

    /** The whole label: the facet values in order, joined by {@code ':'}, such as {@code 73:69}. */
    public String label() {
        return String.join(":", labels.values());
    }
}
