package io.paretone.spaces.image;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;

/**
 * Reshapes {@code [batch, values]} to {@code [batch, ...perExample]}, such as a dense layer's
 * output to the feature map a generator upsamples. Moves no data: 0 FLOPs.
 */
public final class Unflatten extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;
    private final Shape perExample;

    public Unflatten(Shape perExample) {
        super(VERSION);
        this.perExample = perExample;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(inputs.singletonOrThrow()
                .reshape(shape(inputs.singletonOrThrow().getShape().get(0))));
    }

    private Shape shape(long batch) {
        return new Shape(batch).addAll(perExample);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {shape(inputShapes[0].get(0))};
    }

    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        return 0;
    }
}
