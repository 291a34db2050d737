package io.paretone.spaces.wavenet;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.audio.MuLaw;
import io.paretone.spaces.blocks.OneHot;
import io.paretone.spaces.blocks.OneHotProjection;
import io.paretone.spaces.blocks.StackedTaps;
import io.paretone.spaces.blocks.TapConv1d;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;
import java.util.ArrayList;
import java.util.List;

/**
 * The WaveNet network. Input: mu-law classes {@code [batch, time]} (int64). Output: logits
 * {@code [batch, 256, time]}, where output t predicts input t+1.
 *
 * <p>Layout: one-hot input, a 1x1 input convolution, then per layer two dilated causal
 * convolutions to R channels, a filter and a gate, combined as tanh(filter) * sigmoid(gate), a 1x1 residual convolution added back to the
 * layer's input and a 1x1 skip convolution summed over layers; finally ReLU, 1x1 to S, ReLU, 1x1
 * to 256.
 *
 * <p>Each layer's filter and gate are one convolution to 2R channels ({@code gates}, filter
 * first), and its residual and skip convolutions one 1x1 convolution to R + S channels
 * ({@code outputs}, residual first), whose outputs are split: the same functions, weights and
 * multiply-adds, initialised alike (DJL's default draws each weight from the fan-in, which fusing
 * does not change), in two convolutions per layer instead of four. A training step of a small
 * WaveNet on a GPU is bound by the host's cost per operation, about the same for DJL as for
 * PyTorch, so fewer operations is what makes it faster (docs/gpu.md).
 *
 * <p>A dilated causal convolution with k taps is computed as its definition: the k shifted views
 * x[t - (k-1-j) d] are stacked on the channel axis ({@link StackedTaps}) and mixed by a 1x1
 * convolution of R*k inputs.
 * That is the same function, the same weights (rearranged) and the same multiply-adds as a
 * dilated kernel, and it avoids PyTorch's CPU (oneDNN) convolution backward pass, which gives wrong
 * or NaN input gradients ({@code KernelLayout}). On a GPU the same weights run as one native dilated kernel
 * ({@link TapConv1d#nativeOn}).
 */
public final class WaveNetBlock extends AbstractBlock implements FlopCountable {
    /** 2: filter and gate, residual and skip, fused (1: separate blocks). */
    private static final byte VERSION = 2;

    private final WaveNetArchitecture arch;
    private final int[] dilations;
    private final Block input;
    /** Per layer, the filter and gate convolutions as one, to 2R channels. */
    private final List<Block> gates = new ArrayList<>();
    /** Per layer, the residual and skip 1x1 convolutions as one, to R + S channels. */
    private final List<Block> outputs = new ArrayList<>();

    private final Block post1;
    private final Block post2;

    WaveNetBlock(WaveNetArchitecture arch) {
        super(VERSION);
        this.arch = arch;
        this.dilations = arch.dilations();
        int r = arch.residualChannels();
        int s = arch.skipChannels();
        input = addChildBlock("input", new OneHotProjection(r));
        for (int i = 0; i < dilations.length; i++) {
            gates.add(addChildBlock("gates" + i, conv(1, 1, 2 * r, true)));
            outputs.add(addChildBlock("outputs" + i, conv(1, 1, r + s, true)));
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
        NDArray classes = inputs.singletonOrThrow();
        return new NDList(logits(ps, classes, training, TapConv1d.nativeOn(classes.getDevice())));
    }

    /** The parallel pass, its dilated convolutions as native kernels or as stacked taps. */
    NDArray logits(ParameterStore ps, NDArray classes, boolean training, boolean natively) {
        NDArray h = apply(input, ps, oneHot(classes), training);
        NDArray skipSum = null;
        for (int i = 0; i < dilations.length; i++) {
            NDArray window = h.pad(new Shape(padding(i), 0), 0);
            NDArray[] gated = layer(i, ps, window, training, natively);
            skipSum = skipSum == null ? gated[1] : skipSum.add(gated[1]);
            h = h.add(gated[0]);
        }
        return head(ps, skipSum, training);
    }

    /**
     * One layer on a window of its input; returns the residual branch and the skip branch. The
     * window already carries the causal left context.
     */
    private NDArray[] layer(int i, ParameterStore ps, NDArray window, boolean training, boolean natively) {
        NDArray both = natively
                ? dilated(gates.get(i), i, ps, window, training)
                : apply(gates.get(i), ps, taps(i, window), training);
        // Split, not sliced: the backward pass of a split is one concatenation, of two slices two
        // zero-filled arrays, two copies and an addition.
        long r = arch.residualChannels();
        NDList filterAndGate = both.split(new long[] {r}, 1);
        NDArray z = filterAndGate.get(0).tanh().mul(Activation.sigmoid(filterAndGate.get(1)));
        NDList residualAndSkip = apply(outputs.get(i), ps, z, training).split(new long[] {r}, 1);
        return new NDArray[] {residualAndSkip.get(0), residualAndSkip.get(1)};
    }

    /** Layer i's gates convolution as one dilated native kernel, on its tap weights as a kernel (a view). */
    private NDArray dilated(Block conv, int i, ParameterStore ps, NDArray window, boolean training) {
        Device d = window.getDevice();
        NDArray w = ps.getValue(conv.getParameters().get("weight"), d, training);
        NDArray b = ps.getValue(conv.getParameters().get("bias"), d, training);
        return Conv1d.conv1d(
                        window,
                        TapConv1d.kernelWeights(w, arch.kernelSize()),
                        b,
                        new Shape(1),
                        new Shape(0),
                        new Shape(dilations[i]))
                .singletonOrThrow();
    }

    /** The k causal taps of layer i stacked on the channel axis ({@link StackedTaps}): [B, R, T + p] to [B, R * k, T]. */
    private NDArray taps(int i, NDArray window) {
        long length = window.getShape().get(2) - padding(i);
        NDList views = new NDList(arch.kernelSize());
        for (int j = 0; j < arch.kernelSize(); j++) {
            long start = (long) j * dilations[i];
            views.add(window.get(":, :, " + start + ":" + (start + length)));
        }
        return StackedTaps.of(views);
    }

    private NDArray head(ParameterStore ps, NDArray skipSum, boolean training) {
        NDArray y = apply(post1, ps, Activation.relu(skipSum), training);
        return apply(post2, ps, Activation.relu(y), training);
    }

    private static NDArray oneHot(NDArray classes) {
        return OneHot.of(classes, MuLaw.CLASSES).transpose(0, 2, 1);
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
                NDArray[] gated = layer(i, ps, next, false, TapConv1d.nativeOn(next.getDevice()));
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
            Shape taps = new Shape(b, (long) r * arch.kernelSize(), t);
            gates.get(i).initialize(manager, dataType, taps);
            StackedTaps.drawnTapByTap(gates.get(i), arch.kernelSize());
            outputs.get(i).initialize(manager, dataType, new Shape(b, r, t));
        }
        post1.initialize(manager, dataType, new Shape(b, arch.skipChannels(), t));
        post2.initialize(manager, dataType, new Shape(b, arch.skipChannels(), t));
    }

    /** Forward FLOPs of a parallel pass over {@code [batch, time]} inputs. */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        return flops(counter, b, t);
    }

    /** Forward FLOPs of generating one sample with cached windows (batch 1): one output position per layer. */
    public long stepFlops(LayerFlops counter) {
        return flops(counter, 1, 1);
    }

    private long flops(LayerFlops counter, long b, long t) {
        int r = arch.residualChannels();
        int s = arch.skipChannels();
        long total = counter.of(input, new Shape(b, MuLaw.CLASSES, t));
        for (int i = 0; i < dilations.length; i++) {
            // The taps are a view and a copy: no arithmetic.
            Shape taps = new Shape(b, (long) r * arch.kernelSize(), t);
            total += counter.of(gates.get(i), taps); // filter and gate
            total += 3 * b * r * t; // tanh, sigmoid, product of the gate
            total += counter.of(outputs.get(i), new Shape(b, r, t)); // residual and skip
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
