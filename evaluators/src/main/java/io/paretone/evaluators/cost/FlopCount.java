package io.paretone.evaluators.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forward FLOPs of one pass of a model, split into the work of layers with trainable weights and
 * the rest, from which the backward pass is estimated: a layer with weights computes gradients
 * for its input and for its weights, about twice its forward FLOPs; any other operation only for
 * its input, about once. Loss and optimiser updates are not part of the count.
 *
 * @param forward forward FLOPs, 1 multiply-add = 2 FLOPs
 * @param forwardOfLayersWithWeights the part of {@code forward} done by layers with trainable weights
 * @param byLayer forward FLOPs per layer kind (class name, or the name of a DJL lambda block), in
 *     the order first met, so a total can be checked by hand
 */
public record FlopCount(long forward, long forwardOfLayersWithWeights, Map<String, Long> byLayer) {

    /** How backward FLOPs are estimated, for outputs that report them. */
    public static final String BACKWARD_CONVENTION =
            "backward = 2 x forward for layers with trainable weights + 1 x forward for the rest;"
                    + " loss and optimiser not counted";

    public FlopCount {
        if (forwardOfLayersWithWeights < 0 || forwardOfLayersWithWeights > forward) {
            throw new IllegalArgumentException("FLOPs of layers with weights (" + forwardOfLayersWithWeights
                    + ") must lie between 0 and the forward total (" + forward + ")");
        }
        byLayer = Collections.unmodifiableMap(new LinkedHashMap<>(byLayer));
    }

    public long backward() {
        return Math.addExact(Math.multiplyExact(2, forwardOfLayersWithWeights), forward - forwardOfLayersWithWeights);
    }

    public long forwardAndBackward() {
        return Math.addExact(forward, backward());
    }
}
