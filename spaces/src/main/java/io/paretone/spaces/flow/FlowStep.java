package io.paretone.spaces.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.runtime.DeviceConstants;

/**
 * One invertible flow step on {@code [B, C, T]}: activation normalisation, channel mixing (the
 * halves swapped, or a learned invertible 1x1 convolution), then an affine coupling: the first
 * half passes unchanged and sets, through a WaveNet, a log-scale s and a shift t for the second,
 * {@code b' = (b - t) exp(-s)} (FloWaveNet's direction). Output: the transformed array and the
 * log-determinant per example, {@code [B]}.
 *
 * <p>s is soft-clamped to (-4, 4) by {@code 4 tanh(s / 4)}: a fresh or wandering WaveNet cannot
 * push an exponential to infinity, and the clamp is smooth and invertible for the step.
 */
final class FlowStep extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;
    private static final float SCALE_BOUND = 4f;

    private final int channels;
    private final ActNorm norm;
    private final InvertibleMixing mixing;
    private final CouplingNetwork coupling;

    FlowStep(int channels, FlowArchitecture arch) {
        super(VERSION);
        this.channels = channels;
        norm = addChildBlock("actnorm", new ActNorm(channels));
        mixing = arch.learnedMixing() ? addChildBlock("mixing", new InvertibleMixing(channels)) : null;
        coupling = addChildBlock("coupling", new CouplingNetwork(channels, arch.couplingLayers(), arch.channels()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDList normed = norm.forward(ps, inputs, training);
        NDArray x = normed.get(0);
        NDArray logdet = normed.get(1);
        if (mixing != null) {
            NDList mixed = mixing.forward(ps, new NDList(x), training);
            x = mixed.get(0);
            logdet = logdet.add(mixed.get(1));
        } else {
            x = swap(x);
        }
        NDArray a = firstHalf(x);
        NDArray[] scaleShift = scaleAndShift(ps, a, training);
        NDArray b = secondHalf(x).sub(scaleShift[1]).mul(scaleShift[0].neg().exp());
        NDArray perExample = scaleShift[0].sum(new int[] {1, 2}).neg().add(logdet);
        return new NDList(a.concat(b, 1), perExample);
    }

    /** The step's inverse: from its output back to its input. */
    NDArray inverse(ParameterStore ps, NDArray y) {
        NDArray a = firstHalf(y);
        NDArray[] scaleShift = scaleAndShift(ps, a, false);
        NDArray b = secondHalf(y).mul(scaleShift[0].exp()).add(scaleShift[1]);
        NDArray x = a.concat(b, 1);
        x = mixing != null ? mixing.inverse(ps, x) : swap(x);
        return norm.inverse(ps, x);
    }

    private NDArray[] scaleAndShift(ParameterStore ps, NDArray a, boolean training) {
        NDArray h = coupling.forward(ps, new NDList(a), training).singletonOrThrow();
        NDArray bound = DeviceConstants.of(h, SCALE_BOUND);
        NDArray s = firstHalf(h).div(bound).tanh().mul(bound);
        return new NDArray[] {s, secondHalf(h)};
    }

    private NDArray firstHalf(NDArray x) {
        return x.get(":, 0:" + channels / 2 + ", :");
    }

    private NDArray secondHalf(NDArray x) {
        return x.get(":, " + channels / 2 + ":, :");
    }

    /** FloWaveNet's change of order: the halves change places (its own inverse). */
    private NDArray swap(NDArray x) {
        return secondHalf(x).concat(firstHalf(x), 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], new Shape(inputShapes[0].get(0))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        norm.initialize(manager, dataType, x);
        if (mixing != null) {
            mixing.initialize(manager, dataType, x);
        }
        coupling.initialize(manager, dataType, new Shape(x.get(0), channels / 2, x.get(2)));
    }

    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        Shape x = inputShapes[0];
        long half = x.size() / 2;
        long total = counter.of(norm, x) + (mixing != null ? counter.of(mixing, x) : 0);
        total += counter.of(coupling, new Shape(x.get(0), channels / 2, x.get(2)));
        total += 3 * half; // the clamp: division, tanh, product
        total += 3 * half; // exponential, subtraction, product
        return total + half; // the log-determinant's sum
    }
}
