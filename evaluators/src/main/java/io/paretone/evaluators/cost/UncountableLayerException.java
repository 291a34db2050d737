package io.paretone.evaluators.cost;

/** A layer type for which the FLOP counter has no rule; counting it as zero would be a lie. */
public class UncountableLayerException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public UncountableLayerException(Class<?> layerType) {
        this(layerType, "add a rule to FlopCounter or implement FlopCountable in the block");
    }

    /** @param whatToDo why this instance cannot be counted and what would make it countable */
    public UncountableLayerException(Class<?> layerType, String whatToDo) {
        super("no FLOP rule for layer type " + layerType.getName() + ": " + whatToDo);
    }
}
