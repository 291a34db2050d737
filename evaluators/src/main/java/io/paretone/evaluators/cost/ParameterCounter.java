package io.paretone.evaluators.cost;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Parameters of an initialised block: how many are trained, and how many bytes the model holds. */
public final class ParameterCounter {
    private ParameterCounter() {}

    /**
     * Trainable parameters, as PyTorch's {@code sum(p.numel() for p in model.parameters())}
     * (PyTorch's running statistics are buffers, not parameters; DJL marks them untrainable).
     *
     * @param block an initialised block
     * @throws IllegalStateException if the block has not been initialised
     */
    public static long trainable(Block block) {
        long total = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (initialised(p).requiresGradient()) {
                total += p.getValue().getArray().size();
            }
        }
        return total;
    }

    /**
     * Bytes of every parameter array at its data type, trainable or not (running statistics are
     * part of the saved model): what the weights occupy in memory and, without headers, on disk.
     *
     * @throws IllegalStateException if the block has not been initialised
     */
    public static long bytes(Block block) {
        long total = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            var array = initialised(p).getArray();
            total += array.size() * array.getDataType().getNumOfBytes();
        }
        return total;
    }

    /** The data type of the parameters, or "mixed" when they differ. */
    public static String dataType(Block block) {
        String type = null;
        for (Pair<String, Parameter> p : block.getParameters()) {
            String t = initialised(p).getArray().getDataType().toString();
            if (type != null && !type.equals(t)) {
                return "mixed";
            }
            type = t;
        }
        return type == null ? "none" : type;
    }

    private static Parameter initialised(Pair<String, Parameter> p) {
        if (!p.getValue().isInitialized()) {
            throw new IllegalStateException(
                    "parameter " + p.getKey() + " is not initialised: initialise the block first");
        }
        return p.getValue();
    }
}
