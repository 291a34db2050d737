package io.paretone.evaluators.cost;

/** A layer type for which the FLOP counter has no rule; counting it as zero would be a lie. */
public class UncountableLayerException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public UncountableLayerException(Class<?> layerType) {
        super("no FLOP rule for layer type " + layerType.getName()
                + ": add a rule to FlopCounter or implement FlopCountable in the block");
    }
}
