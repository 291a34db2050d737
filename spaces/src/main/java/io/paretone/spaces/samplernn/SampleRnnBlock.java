package io.paretone.spaces.samplernn;

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
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.audio.MuLaw;
import io.paretone.spaces.blocks.OneHot;
import io.paretone.spaces.blocks.OneHotProjection;
import io.paretone.spaces.blocks.TapConv1d;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;

/**
 * The SampleRNN network. Input: mu-law classes and their decoded values, both
 * {@code [batch, F + T]} where F is the top frame; output: logits {@code [batch, 256, T]} for
 * samples F..F+T-1.
 *
 * <p>Each frame tier projects its previous frame of (decoded) samples to H units, adds the
 * conditioning of the tier above, runs its recurrent layers, and upsamples by a learned linear map
 * to one vector per frame of the tier below (or per sample, for the lowest tier). The sample-level
 * MLP embeds the last {@code frame_size} quantised samples (a one-hot times a bias-free 1x1
 * convolution, which is an embedding), mixes them with a convolution of that width, adds the
 * conditioning, and maps through two ReLU layers to 256 logits.
 *
 * <p>Causality: the top tier's frame j holds samples [jF, (j+1)F) and conditions samples from
 * (j+1)F on; the lower tier's frame i ends where the samples it conditions start.
 */
public final class SampleRnnBlock extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;

    private final SampleRnnArchitecture arch;
    private final Block topInput;
    private final Block topRnn;
    private final Block topUp;
    private final Block bottomInput;
    private final Block bottomRnn;
    private final Block bottomUp;
    private final Block embed;
    private final Block mlp1;
    private final Block mlp2;
    private final Block out;

    SampleRnnBlock(SampleRnnArchitecture arch) {
        super(VERSION);
        this.arch = arch;
        int h = arch.rnnUnits();
        int m = arch.mlpUnits();
        if (arch.twoTiers()) {
            topInput = addChildBlock("top_input", Linear.builder().setUnits(h).build());
            topRnn = addChildBlock("top_rnn", rnn(arch));
            topUp = addChildBlock(
                    "top_upsample",
                    Linear.builder().setUnits((long) h * arch.upperRatio()).build());
        } else {
            topInput = null;
            topRnn = null;
            topUp = null;
        }
        bottomInput = addChildBlock("frame_input", Linear.builder().setUnits(h).build());
        bottomRnn = addChildBlock("frame_rnn", rnn(arch));
        bottomUp = addChildBlock(
                "frame_upsample",
                Linear.builder().setUnits((long) m * arch.frameSize()).build());
        embed = addChildBlock("embedding", new OneHotProjection(arch.embedding()));
        mlp1 = addChildBlock("mlp1", new TapConv1d(arch.frameSize(), 1, 0, m, true));
        mlp2 = addChildBlock("mlp2", conv(1, m, true));
        out = addChildBlock("mlp_out", conv(1, MuLaw.CLASSES, true));
    }

    private static Block rnn(SampleRnnArchitecture arch) {
        return arch.lstm()
                ? LSTM.builder()
                        .setStateSize(arch.rnnUnits())
                        .setNumLayers(arch.rnnLayers())
                        .optBatchFirst(true)
                        .optReturnState(true)
                        .build()
                : GRU.builder()
                        .setStateSize(arch.rnnUnits())
                        .setNumLayers(arch.rnnLayers())
                        .optBatchFirst(true)
                        .optReturnState(true)
                        .build();
    }

    private static Block conv(int kernel, int filters, boolean bias) {
        return Conv1d.builder()
                .setKernelShape(new Shape(kernel))
                .setFilters(filters)
                .optBias(bias)
                .build();
    }

    private static NDArray apply(Block b, ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** A recurrent pass from the given state (or zeros when null); returns outputs then states. */
    private static NDList recur(Block rnn, ParameterStore ps, NDArray x, NDList state, boolean training) {
        NDList in = new NDList(x);
        if (state != null) {
            in.addAll(state);
        }
        return rnn.forward(ps, in, training);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray classes = inputs.get(0);
        NDArray values = inputs.get(1);
        long b = classes.getShape().get(0);
        int top = arch.topFrame();
        int fs = arch.frameSize();
        int t = (int) classes.getShape().get(1) - top;
        NDArray condition = null;
        if (arch.twoTiers()) {
            NDArray frames = values.get(":, 0:" + t).reshape(b, t / top, top);
            NDArray h = recur(topRnn, ps, apply(topInput, ps, frames, training), null, training)
                    .get(0);
            condition = apply(topUp, ps, h, training).reshape(b, t / fs, arch.rnnUnits());
        }
        NDArray frames = values.get(":, " + (top - fs) + ":" + (top - fs + t)).reshape(b, t / fs, fs);
        NDArray x = apply(bottomInput, ps, frames, training);
        if (condition != null) {
            x = x.add(condition);
        }
        NDArray h = recur(bottomRnn, ps, x, null, training).get(0);
        NDArray sampleCondition =
                apply(bottomUp, ps, h, training).reshape(b, t, arch.mlpUnits()).transpose(0, 2, 1);
        NDArray window = classes.get(":, " + (top - fs) + ":" + (top + t - 1));
        return new NDList(sampleLevel(ps, window, sampleCondition, training));
    }

    /** Logits {@code [B, 256, T]} from window classes {@code [B, T + fs - 1]} and conditioning {@code [B, M, T]}. */
    private NDArray sampleLevel(ParameterStore ps, NDArray window, NDArray condition, boolean training) {
        NDArray e = apply(embed, ps, OneHot.of(window, MuLaw.CLASSES).transpose(0, 2, 1), training);
        NDArray y = Activation.relu(apply(mlp1, ps, e, training).add(condition));
        y = Activation.relu(apply(mlp2, ps, y, training));
        return apply(out, ps, y, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        return new Shape[] {new Shape(b, MuLaw.CLASSES, inputShapes[0].get(1) - arch.topFrame())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1) - arch.topFrame();
        int h = arch.rnnUnits();
        if (arch.twoTiers()) {
            long n = t / arch.topFrame();
            topInput.initialize(manager, dataType, new Shape(b, n, arch.topFrame()));
            topRnn.initialize(manager, dataType, ntc(b, n, h));
            topUp.initialize(manager, dataType, new Shape(b, n, h));
        }
        long n = t / arch.frameSize();
        bottomInput.initialize(manager, dataType, new Shape(b, n, arch.frameSize()));
        bottomRnn.initialize(manager, dataType, ntc(b, n, h));
        bottomUp.initialize(manager, dataType, new Shape(b, n, h));
        long window = t + arch.frameSize() - 1;
        embed.initialize(manager, dataType, new Shape(b, MuLaw.CLASSES, window));
        mlp1.initialize(manager, dataType, new Shape(b, arch.embedding(), window));
        mlp2.initialize(manager, dataType, new Shape(b, arch.mlpUnits(), t));
        out.initialize(manager, dataType, new Shape(b, arch.mlpUnits(), t));
    }

    private static Shape ntc(long b, long n, long c) {
        return new Shape(new long[] {b, n, c}, "NTC");
    }

    /** Forward FLOPs of a parallel (training) pass over inputs {@code [batch, F + T]}. */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1) - arch.topFrame();
        long total = 0;
        if (arch.twoTiers()) {
            total += topTier(counter, b, t / arch.topFrame());
        }
        total += frameTier(counter, b, t / arch.frameSize());
        return total + sampleLevel(counter, b, t);
    }

    /**
     * Forward FLOPs to generate one second: the sample level runs every sample, the lower frame tier
     * every {@code frame_size} samples, the upper one every top frame.
     */
    long generationFlopsPerUnit(LayerFlops counter, int sampleRate) {
        long total = sampleRate * sampleLevel(counter, 1, 1);
        total += sampleRate * frameTier(counter, 1, 1) / arch.frameSize();
        if (arch.twoTiers()) {
            total += sampleRate * topTier(counter, 1, 1) / arch.topFrame();
        }
        return total;
    }

    private long topTier(LayerFlops counter, long b, long frames) {
        int h = arch.rnnUnits();
        return counter.of(topInput, new Shape(b, frames, arch.topFrame()))
                + counter.of(topRnn, ntc(b, frames, h))
                + counter.of(topUp, new Shape(b, frames, h));
    }

    private long frameTier(LayerFlops counter, long b, long frames) {
        int h = arch.rnnUnits();
        long total = counter.of(bottomInput, new Shape(b, frames, arch.frameSize()));
        if (arch.twoTiers()) {
            total += b * frames * h; // adding the upper tier's conditioning
        }
        return total + counter.of(bottomRnn, ntc(b, frames, h)) + counter.of(bottomUp, new Shape(b, frames, h));
    }

    /** The sample level for {@code t} outputs; each output reads a window of {@code frame_size} samples. */
    private long sampleLevel(LayerFlops counter, long b, long t) {
        int m = arch.mlpUnits();
        long window = t + arch.frameSize() - 1;
        long total = counter.of(embed, new Shape(b, MuLaw.CLASSES, window));
        total += counter.of(mlp1, new Shape(b, arch.embedding(), window));
        total += 2 * b * m * t; // conditioning sum, ReLU
        total += counter.of(mlp2, new Shape(b, m, t)) + b * m * t; // ReLU
        return total + counter.of(out, new Shape(b, m, t));
    }

    public SampleRnnArchitecture architecture() {
        return arch;
    }

    GenerationState newGenerationState(NDManager manager, int batch) {
        return new GenerationState(manager, batch);
    }

    /**
     * Cached generation on the device: recurrent states, the current conditioning vectors and the
     * last samples (classes and decoded values, from a top frame of silence) live across samples; a
     * tier runs only when a new frame of it is complete. Arrays made in a step belong to the caller's
     * NDScope, except what this state keeps (and frees).
     */
    final class GenerationState {
        private final int batch;
        /** The decoded value of each mu-law class, {@code [256]}, for values from drawn classes on the device. */
        private final NDArray levels;

        private NDArray recentClasses; // [B, fs]: the sample-level MLP's window
        private NDArray recentValues; // [B, top]: the frame tiers' inputs
        private NDList topState;
        private NDList bottomState;
        private NDArray topCondition; // [B, ratio, H]
        private NDArray sampleCondition; // [B, fs, M]

        GenerationState(NDManager manager, int batch) {
            this.batch = batch;
            float[] decoded = new float[MuLaw.CLASSES];
            for (int k = 0; k < decoded.length; k++) {
                decoded[k] = MuLaw.decode(k);
            }
            levels = manager.create(decoded);
            int silence = MuLaw.encode(0f);
            recentClasses = manager.full(new Shape(batch, arch.frameSize()), silence, DataType.INT64);
            recentValues = manager.full(new Shape(batch, arch.topFrame()), MuLaw.decode(silence), DataType.FLOAT32);
        }

        /**
         * Logits {@code [B, 256]} of sample {@code t} (0-based, after a top frame of silence), given
         * every sample before it through {@link #append}.
         */
        NDArray step(ParameterStore ps, int t) {
            int top = arch.topFrame();
            int fs = arch.frameSize();
            if (arch.twoTiers() && t % top == 0) {
                NDArray frame = recentValues.reshape(batch, 1, top);
                NDList r = recur(topRnn, ps, apply(topInput, ps, frame, false), topState, false);
                topState = keep(topState, r.subNDList(1));
                topCondition = keep(
                        topCondition,
                        apply(topUp, ps, r.get(0), false).reshape(batch, arch.upperRatio(), arch.rnnUnits()));
            }
            if (t % fs == 0) {
                NDArray frame = recentValues.get(":, " + (top - fs) + ":").reshape(batch, 1, fs);
                NDArray x = apply(bottomInput, ps, frame, false);
                if (arch.twoTiers()) {
                    int k = (t / fs) % arch.upperRatio();
                    x = x.add(topCondition.get(":, " + k + ":" + (k + 1) + ", :"));
                }
                NDList r = recur(bottomRnn, ps, x, bottomState, false);
                bottomState = keep(bottomState, r.subNDList(1));
                sampleCondition = keep(
                        sampleCondition, apply(bottomUp, ps, r.get(0), false).reshape(batch, fs, arch.mlpUnits()));
            }
            int k = t % fs;
            NDArray condition =
                    sampleCondition.get(":, " + k + ":" + (k + 1) + ", :").transpose(0, 2, 1);
            return sampleLevel(ps, recentClasses, condition, false).squeeze(2);
        }

        /** Appends the next sample of each clip, classes {@code [B, 1]} (int64, on the device). */
        void append(NDArray classes) {
            recentClasses = keep(recentClasses, recentClasses.get(":, 1:").concat(classes, 1));
            recentValues = keep(recentValues, recentValues.get(":, 1:").concat(levels.take(classes), 1));
        }

        private NDArray keep(NDArray old, NDArray fresh) {
            NDScope.unregister(fresh);
            if (old != null) {
                old.close();
            }
            return fresh;
        }

        private NDList keep(NDList old, NDList fresh) {
            NDScope.unregister(fresh);
            if (old != null) {
                old.close();
            }
            return fresh;
        }

        void close() {
            for (AutoCloseable c : new AutoCloseable[] {
                levels, recentClasses, recentValues, topState, bottomState, topCondition, sampleCondition
            }) {
                if (c instanceof NDList l) {
                    l.close();
                } else if (c instanceof NDArray a) {
                    a.close();
                }
            }
        }
    }
}
