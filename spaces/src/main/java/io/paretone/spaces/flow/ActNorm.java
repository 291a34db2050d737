package io.paretone.spaces.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;

/**
 * Activation normalisation (Kingma and Dhariwal 2018): a learned shift and log-scale per channel,
 * {@code y = (x + loc) exp(log_scale)}. Input {@code [B, C, T]}; output {@code y} and the scalar
 * log-determinant {@code T sum(log_scale)} per example. Both start at zero, the identity, instead
 * of Glow's data-dependent start, so a fresh flow is the identity and its first loss is the
 * data's own. Storing the log of the scale keeps it positive without taking a logarithm.
 */
final class ActNorm extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;
    private final Parameter loc;
    private final Parameter logScale;

    ActNorm(int channels) {
        super(VERSION);
        Shape perChannel = new Shape(1, channels, 1);
        loc = addParameter(Parameter.builder()
                .setName("loc")
                .setType(Parameter.Type.BIAS)
                .optShape(perChannel)
                .build());
        logScale = addParameter(Parameter.builder()
                .setName("log_scale")
                .setType(Parameter.Type.BIAS)
                .optShape(perChannel)
                .build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray x = inputs.singletonOrThrow();
        NDArray s = ps.getValue(logScale, x.getDevice(), training);
        NDArray y = x.add(ps.getValue(loc, x.getDevice(), training)).mul(s.exp());
        return new NDList(y, s.sum().mul(x.getShape().get(2)));
    }

    NDArray inverse(ParameterStore ps, NDArray y) {
        NDArray s = ps.getValue(logScale, y.getDevice(), false);
        return y.mul(s.neg().exp()).sub(ps.getValue(loc, y.getDevice(), false));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], new Shape()};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // parameters only, shaped at construction
    }

    /** The shift and the scale per element; the log-determinant's C exponentials and sums are negligible. */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        return 2 * inputShapes[0].size();
    }
}
