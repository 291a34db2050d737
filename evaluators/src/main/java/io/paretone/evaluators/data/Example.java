package io.paretone.evaluators.data;

import java.util.Map;

/**
 * One labelled example of a dataset, whatever its domain: a flat array of values (an audio clip's
 * samples, an image's pixels) and its labels, one value per named facet. What search, training and
 * the study's data file need of an example; the domains' own types add their meaning.
 */
public interface Example {
    /** The values, in [-1, 1], laid out as the dataset's domain says. */
    float[] values();

    /** Facet name to value, at least one, in the dataset's facet order. */
    Map<String, String> labels();
}
