package io.paretone.evaluators.data.image;

import io.paretone.evaluators.data.AudioClip;
import io.paretone.evaluators.data.Example;
import io.paretone.spaces.check.Check;
import java.util.Map;

/**
 * One image with its class.
 *
 * @param values the pixels in [-1, 1], laid out as {@link io.paretone.spaces.image.ImageFormat} says
 * @param label the class, such as {@code 7} or a sub-folder's name
 */
public record LabelledImage(float[] values, String label) implements Example {
    /** The one facet of an image's labels, the same single facet a plainly labelled clip has. */
    public static final String FACET = AudioClip.LABEL;

    public LabelledImage {
        Check.notNull("values", values);
        Check.notNull("label", label);
    }

    /** The class under the facet {@value #FACET}. */
    @Override
    public Map<String, String> labels() {
        return Map.of(FACET, label);
    }
}
