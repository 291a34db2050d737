package io.paretone.spaces.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.runtime.DeviceConstants;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-causal WaveNet of one affine coupling, as in FloWaveNet: from half the channels
 * {@code [B, C/2, T]} to a raw log-scale and a shift for the other half, {@code [B, C, T]}.
 *
 * <p>Layout: a kernel-3 front convolution and ReLU; per layer a filter and a gate convolution of
 * kernel 3 and dilation 2^i, tanh(filter) sigmoid(gate), a 1x1 residual added back (scaled by
 * sqrt(1/2)) and a 1x1 skip summed over layers; then ReLU, 1x1, ReLU and a zero-initialised 1x1
 * output scaled by exp(3 scale) per channel (FloWaveNet's ZeroConv1d), so a fresh coupling is the
 * identity.
 *
 * <p>Each kernel-3 convolution is computed as its definition: the views x[t - d], x[t], x[t + d]
 * stacked on the channel axis and mixed by a 1x1 convolution. That is the same function and cost
 * as a dilated kernel and avoids PyTorch's CPU dilated-convolution path, whose backward pass gave
 * NaN gradients at random in this project (see WaveNetBlock).
 */
final class CouplingNetwork extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;
    private static final int TAPS = 3;
    private static final float RESIDUAL_SCALE = (float) Math.sqrt(0.5);

    private final int outputs;
    private final int channels;
    private final Block front;
    private final List<Block> filter = new ArrayList<>();
    private final List<Block> gate = new ArrayList<>();
    private final List<Block> residual = new ArrayList<>();
    private final List<Block> skip = new ArrayList<>();
    private final Block post;
    private final Block out;
    private final Parameter outScale;

    /**
     * @param outputs the coupled channels C: the network reads C/2 and writes C (log-scale and shift)
     * @param layers gated layers
     * @param channels residual, gate and skip channels
     */
    CouplingNetwork(int outputs, int layers, int channels) {
        super(VERSION);
        this.outputs = outputs;
        this.channels = channels;
        front = addChildBlock("front", conv(channels));
        for (int i = 0; i < layers; i++) {
            filter.add(addChildBlock("filter" + i, conv(channels)));
            gate.add(addChildBlock("gate" + i, conv(channels)));
            residual.add(addChildBlock("residual" + i, conv(channels)));
            skip.add(addChildBlock("skip" + i, conv(channels)));
        }
        post = addChildBlock("post", conv(channels));
        out = addChildBlock("out", conv(outputs));
        out.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        outScale = addParameter(Parameter.builder()
                .setName("out_scale")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(1, outputs, 1))
                .build());
    }

    private static Block conv(int filters) {
        return Conv1d.builder().setKernelShape(new Shape(1)).setFilters(filters).build();
    }

    private static NDArray apply(Block b, ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** x[t - d], x[t], x[t + d] stacked on the channel axis, zeros beyond the ends: [B, C, T] to [B, 3C, T]. */
    static NDArray taps(NDArray x, int dilation) {
        long length = x.getShape().get(2);
        NDArray window = x.pad(new Shape(dilation, dilation), 0);
        NDList views = new NDList(TAPS);
        for (int j = 0; j < TAPS; j++) {
            long start = (long) j * dilation;
            views.add(window.get(":, :, " + start + ":" + (start + length)));
        }
        return NDArrays.concat(views, 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray h = Activation.relu(apply(front, ps, taps(inputs.singletonOrThrow(), 1), training));
        NDArray skipSum = null;
        for (int i = 0; i < filter.size(); i++) {
            NDArray t = taps(h, 1 << i);
            NDArray z = apply(filter.get(i), ps, t, training)
                    .tanh()
                    .mul(Activation.sigmoid(apply(gate.get(i), ps, t, training)));
            NDArray s = apply(skip.get(i), ps, z, training);
            skipSum = skipSum == null ? s : skipSum.add(s);
            h = h.add(apply(residual.get(i), ps, z, training)).mul(DeviceConstants.of(h, RESIDUAL_SCALE));
        }
        NDArray y = apply(post, ps, Activation.relu(skipSum), training);
        y = apply(out, ps, Activation.relu(y), training);
        NDArray scale = ps.getValue(outScale, y.getDevice(), training)
                .mul(DeviceConstants.of(y, 3f))
                .exp();
        return new NDList(y.mul(scale));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outputs, in.get(2))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(2);
        front.initialize(manager, dataType, new Shape(b, TAPS * inputShapes[0].get(1), t));
        Shape taps = new Shape(b, (long) TAPS * channels, t);
        Shape plain = new Shape(b, channels, t);
        for (int i = 0; i < filter.size(); i++) {
            filter.get(i).initialize(manager, dataType, taps);
            gate.get(i).initialize(manager, dataType, taps);
            residual.get(i).initialize(manager, dataType, plain);
            skip.get(i).initialize(manager, dataType, plain);
        }
        post.initialize(manager, dataType, plain);
        out.initialize(manager, dataType, plain);
    }

    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(2);
        long r = channels;
        Shape taps = new Shape(b, TAPS * r, t);
        Shape plain = new Shape(b, r, t);
        long total = counter.of(front, new Shape(b, TAPS * inputShapes[0].get(1), t)) + b * r * t; // ReLU
        for (int i = 0; i < filter.size(); i++) {
            // The taps are views and a copy: no arithmetic.
            total += counter.of(filter.get(i), taps) + counter.of(gate.get(i), taps);
            total += 3 * b * r * t; // tanh, sigmoid, product
            total += counter.of(residual.get(i), plain) + counter.of(skip.get(i), plain);
            total += 2 * b * r * t; // residual addition and scaling
            if (i > 0) {
                total += b * r * t; // skip accumulation
            }
        }
        total += 2 * b * r * t; // two ReLUs
        total += counter.of(post, plain) + counter.of(out, plain);
        return total + b * outputs * t; // output scaling
    }
}
