package io.paretone.evaluators.cost;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Trainable parameters, as PyTorch's {@code sum(p.numel() for p in model.parameters())}. */
public final class ParameterCounter {
    private ParameterCounter() {}

    /**
     * @param block an initialised block
     * @throws IllegalStateException if the block has not been initialised
     */
    public static long trainable(Block block) {
        long total = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (!parameter.isInitialized()) {
                throw new IllegalStateException(
                        "parameter " + p.getKey() + " is not initialised: initialise the block first");
            }
            if (parameter.requiresGradient()) {
                total += parameter.getArray().size();
            }
        }
        return total;
    }
}
