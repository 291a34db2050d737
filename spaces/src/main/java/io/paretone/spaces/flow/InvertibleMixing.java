package io.paretone.spaces.flow;

import ai.djl.Device;
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
import io.paretone.spaces.runtime.DeviceConstants;

/**
 * An invertible 1x1 convolution mixing the channels, LU-parameterised as in Glow (Kingma and
 * Dhariwal 2018): {@code W = P L (U + diag(exp(log_s)))} with P a fixed permutation, L unit lower
 * triangular and U strictly upper triangular. Its log-determinant is then {@code T sum(log_s)}
 * without computing a determinant (DJL has none), and W stays invertible whatever the training
 * does. P swaps the two halves of the channels, and L, U and log_s start at zero, so a fresh
 * mixing is exactly FloWaveNet's swap and learns from there.
 *
 * <p>L and U are stored as full C x C matrices whose other halves are masked out (as Glow's
 * PyTorch ports do), so the parameter count is 2C^2 + C.
 */
final class InvertibleMixing extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;
    private final int channels;
    private final Parameter lower;
    private final Parameter upper;
    private final Parameter logScale;
    /** Masks of W = P L (U + diag(exp s)): strictly below and above the diagonal, and the swap P. */
    private final float[] below;

    private final float[] above;
    private final float[] swap;

    InvertibleMixing(int channels) {
        super(VERSION);
        this.channels = channels;
        Shape square = new Shape(channels, channels);
        lower = addParameter(Parameter.builder()
                .setName("lower")
                .setType(Parameter.Type.BIAS)
                .optShape(square)
                .build());
        upper = addParameter(Parameter.builder()
                .setName("upper")
                .setType(Parameter.Type.BIAS)
                .optShape(square)
                .build());
        logScale = addParameter(Parameter.builder()
                .setName("log_scale")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(channels))
                .build());
        below = new float[channels * channels];
        above = new float[channels * channels];
        swap = new float[channels * channels];
        int half = channels / 2;
        for (int i = 0; i < channels; i++) {
            for (int j = 0; j < channels; j++) {
                below[i * channels + j] = j < i ? 1 : 0;
                above[i * channels + j] = j > i ? 1 : 0;
            }
            swap[i * channels + (i + half) % channels] = 1;
        }
    }

    /** The mixing matrix W from the current parameters. */
    NDArray weight(ParameterStore ps, NDManager manager, boolean training) {
        NDArray l = ps.getValue(lower, manager.getDevice(), training);
        NDArray u = ps.getValue(upper, manager.getDevice(), training);
        NDArray s = ps.getValue(logScale, manager.getDevice(), training);
        Shape square = new Shape(channels, channels);
        // Constant masks, made once per block and uploaded once per device (DeviceConstants says why).
        Device device = manager.getDevice();
        NDArray lowerUnit = l.mul(DeviceConstants.of(device, below, square)).add(manager.eye(channels));
        NDArray upperWithDiagonal = u.mul(DeviceConstants.of(device, above, square))
                .add(manager.eye(channels).mul(s.exp()));
        return DeviceConstants.of(device, swap, square).matMul(lowerUnit.matMul(upperWithDiagonal));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = weight(ps, x.getManager(), training);
        NDArray logdet = ps.getValue(logScale, x.getDevice(), training)
                .sum()
                .mul(x.getShape().get(2));
        return new NDList(w.matMul(x), logdet); // [C, C] x [B, C, T] broadcasts over the batch
    }

    NDArray inverse(ParameterStore ps, NDArray y) {
        return weight(ps, y.getManager(), false).inverse().matMul(y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], new Shape()};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // parameters only, shaped at construction
    }

    /** W times every time step, 2 C^2 per step, plus building W once (two C x C products). */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        Shape x = inputShapes[0];
        long c = x.get(1);
        return 2 * c * c * x.get(0) * x.get(2) + 4 * c * c * c;
    }
}
