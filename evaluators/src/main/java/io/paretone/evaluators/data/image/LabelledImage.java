package io.paretone.evaluators.data.image;

import io.paretone.spaces.check.Check;

/**
 * One image with its class.
 *
 * @param values the pixels in [-1, 1], laid out as {@link io.paretone.spaces.image.ImageFormat} says
 * @param label the class, such as {@code 7} or a sub-folder's name
 */
public record LabelledImage(float[] values, String label) {
    public LabelledImage {
        Check.notNull("values", values);
        Check.notNull("label", label);
    }
}
