package io.paretone.spaces.wavenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * The WaveNet network. Input: mu-law classes {@code [batch, time]} (int64). Output: logits
 * {@code [batch, 256, time]}, where output t predicts input t+1.
 *
 * <p>Layout: one-hot input, a 1x1 input convolution, then per layer a dilated causal convolution
 * to 2R channels, the gate tanh(a) * sigmoid(b), a 1x1 residual convolution added back to the
 * layer's input and a 1x1 skip convolution summed over layers; finally ReLU, 1x1 to S, ReLU, 1x1
 * to 256.
 */
public final class WaveNetBlock extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;

    private final WaveNetArchitecture arch;
    private final int[] dilations;
    private final Block input;
    private final List<Block> dilated = new ArrayList<>();
    private final List<Block> residual = new ArrayList<>();
    private final List<Block> skip = new ArrayList<>();
    private final Block post1;
    private final Block post2;

    WaveNetBlock(WaveNetArchitecture arch) {
        super(VERSION);
        this.arch = arch;
        this.dilations = arch.dilations();
        int r = arch.residualChannels();
        int s = arch.skipChannels();
        input = addChildBlock("input", conv(1, 1, r, false));
        for (int i = 0; i < dilations.length; i++) {
            dilated.add(addChildBlock("dilated" + i, conv(arch.kernelSize(), dilations[i], 2 * r, true)));
            residual.add(addChildBlock("residual" + i, conv(1, 1, r, true)));
            skip.add(addChildBlock("skip" + i, conv(1, 1, s, true)));
        }
        post1 = addChildBlock("post1", conv(1, 1, s, true));
        post2 = addChildBlock("post2", conv(1, 1, MuLaw.CLASSES, true));
    }

    private static Block conv(int kernel, int dilation, int filters, boolean bias) {
        return Conv1d.builder()
                .setKernelShape(new Shape(kernel))
                .optDilation(new Shape(dilation))
                .setFilters(filters)
                .optBias(bias)
                .build();
    }

    public WaveNetArchitecture architecture() {
        return arch;
    }

    private int padding(int layer) {
        return (arch.kernelSize() - 1) * dilations[layer];
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = oneHot(inputs.singletonOrThrow());
        h = apply(input, ps, h, training);
        NDArray skipSum = null;
        for (int i = 0; i < dilations.length; i++) {
            NDArray window = h.pad(new Shape(padding(i), 0), 0);
            NDArray[] gated = layer(i, ps, window, training);
            skipSum = skipSum == null ? gated[1] : skipSum.add(gated[1]);
            h = h.add(gated[0]);
        }
        return new NDList(head(ps, skipSum, training));
    }

    /**
     * One layer on a window of its input; returns the residual branch and the skip branch. The
     * window already carries the causal left context.
     */
    private NDArray[] layer(int i, ParameterStore ps, NDArray window, boolean training) {
        NDArray a = apply(dilated.get(i), ps, window, training);
        NDList halves = a.split(2, 1);
        NDArray z = halves.get(0).tanh().mul(Activation.sigmoid(halves.get(1)));
        return new NDArray[] {apply(residual.get(i), ps, z, training), apply(skip.get(i), ps, z, training)};
    }

    private NDArray head(ParameterStore ps, NDArray skipSum, boolean training) {
        NDArray y = apply(post1, ps, Activation.relu(skipSum), training);
        return apply(post2, ps, Activation.relu(y), training);
    }

    private static NDArray oneHot(NDArray classes) {
        return classes.oneHot(MuLaw.CLASSES).transpose(0, 2, 1);
    }

    private static NDArray apply(Block b, ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /**
     * Fast generation state: for each layer, the last (kernel-1)*dilation+1 inputs it saw, so one
     * new sample costs one output position per layer instead of a pass over the whole history.
     */
    final class GenerationState {
        private final NDArray[] windows = new NDArray[dilations.length];

        GenerationState(NDManager manager, int batch) {
            for (int i = 0; i < windows.length; i++) {
                windows[i] = manager.zeros(new Shape(batch, arch.residualChannels(), padding(i) + 1));
            }
        }

        /**
         * Advances by one sample: classes {@code [batch, 1]} in, logits {@code [batch, 256]} out.
         * Arrays made here belong to the caller's NDScope, except the updated windows, which this
         * state keeps and frees.
         */
        NDArray step(ParameterStore ps, NDArray classes) {
            NDArray h = apply(input, ps, oneHot(classes), false);
            NDArray skipSum = null;
            for (int i = 0; i < windows.length; i++) {
                NDArray next = windows[i].get(":, :, 1:").concat(h, 2);
                NDScope.unregister(next);
                windows[i].close();
                windows[i] = next;
                NDArray[] gated = layer(i, ps, next, false);
                skipSum = skipSum == null ? gated[1] : skipSum.add(gated[1]);
                h = h.add(gated[0]);
            }
            return head(ps, skipSum, false).squeeze(2);
        }

        void close() {
            for (NDArray w : windows) {
                w.close();
            }
        }
    }

    GenerationState newGenerationState(NDManager manager, int batch) {
        return new GenerationState(manager, batch);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), MuLaw.CLASSES, in.get(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        int r = arch.residualChannels();
        input.initialize(manager, dataType, new Shape(b, MuLaw.CLASSES, t));
        for (int i = 0; i < dilations.length; i++) {
            dilated.get(i).initialize(manager, dataType, new Shape(b, r, t + padding(i)));
            residual.get(i).initialize(manager, dataType, new Shape(b, r, t));
            skip.get(i).initialize(manager, dataType, new Shape(b, r, t));
        }
        post1.initialize(manager, dataType, new Shape(b, arch.skipChannels(), t));
        post2.initialize(manager, dataType, new Shape(b, arch.skipChannels(), t));
    }

    /** Forward FLOPs of a parallel pass over {@code [batch, time]} inputs. */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        return flops(counter, b, t, i -> t + padding(i));
    }

    /** Forward FLOPs of generating one sample with cached windows (batch 1). */
    public long stepFlops(LayerFlops counter) {
        return flops(counter, 1, 1, i -> padding(i) + 1L);
    }

    private long flops(LayerFlops counter, long b, long t, IntToLongFunction windowLength) {
        int r = arch.residualChannels();
        int s = arch.skipChannels();
        long total = counter.of(input, new Shape(b, MuLaw.CLASSES, t));
        for (int i = 0; i < dilations.length; i++) {
            total += counter.of(dilated.get(i), new Shape(b, r, windowLength.applyAsLong(i)));
            total += 3 * b * r * t; // tanh, sigmoid, product of the gate
            total += counter.of(residual.get(i), new Shape(b, r, t));
            total += counter.of(skip.get(i), new Shape(b, r, t));
            total += b * r * t; // residual addition
            if (i > 0) {
                total += b * s * t; // skip accumulation
            }
        }
        total += b * s * t; // ReLU
        total += counter.of(post1, new Shape(b, s, t));
        total += b * s * t; // ReLU
        total += counter.of(post2, new Shape(b, s, t));
        return total;
    }
}
