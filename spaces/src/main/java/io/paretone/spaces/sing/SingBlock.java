package io.paretone.spaces.sing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.transformer.IdEmbedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.blocks.TapConv1d;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.training.ClipLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * The SING network. Input: per frame the instrument, pitch and position indices, int64
 * {@code [B, T, 3]} (see {@link #conditioning}); output: the waveform {@code [B, T hop]}.
 *
 * <p>Sequence generator: the three embeddings (16, 8 and 4 dimensions, as in SING) concatenated,
 * an LSTM, a linear map to the per-frame features. Decoder: a kernel-9 convolution (padded to keep
 * the frames) and ReLU, 1x1 rewrites with ReLU, then the synthesis layer. Convolutions wider than
 * one tap are {@link TapConv1d}s (PyTorch's CPU backward of wide kernels gave random NaN gradients).
 *
 * <p>SING's synthesis layer is a transposed convolution of stride hop and kernel 4 hop, which
 * overlap-adds a window of four frames per frame. DJL's PyTorch engine has no transposed
 * convolution, so it is computed as what it is: output frame j is a linear function of frames j,
 * j-1, j-2 and j-3, that is a causal convolution over frames of kernel 4 with hop outputs, whose
 * outputs are then laid end to end ("sub-pixel" reshaping). Same function class, same
 * multiply-adds per sample, the same weights rearranged.
 */
public final class SingBlock extends AbstractBlock implements FlopCountable {
    /** Rows of the instrument table: General MIDI's 128 programs. */
    public static final int INSTRUMENTS = 128;
    /** Rows of the position table, as in SING (4 s at hop 256); later frames share the last row. */
    public static final int POSITIONS = 265;

    static final int INSTRUMENT_DIMENSION = 16;
    static final int PITCH_DIMENSION = 8;
    static final int POSITION_DIMENSION = 4;
    static final int CONTEXT = 9;
    static final int WINDOW_FRAMES = 4;
    private static final byte VERSION = 1;

    private final SingArchitecture arch;
    private final Block instrument;
    private final Block pitch;
    private final Block position;
    private final Block lstm;
    private final Block features;
    private final Block context;
    private final List<Block> rewrites = new ArrayList<>();
    private final Block synthesis;

    SingBlock(SingArchitecture arch) {
        super(VERSION);
        this.arch = arch;
        instrument = addChildBlock("instrument", embedding(INSTRUMENTS, INSTRUMENT_DIMENSION));
        pitch = addChildBlock("pitch", embedding(ClipLabel.PITCHES, PITCH_DIMENSION));
        position = addChildBlock("position", embedding(POSITIONS, POSITION_DIMENSION));
        lstm = addChildBlock(
                "lstm",
                LSTM.builder()
                        .setStateSize(arch.lstmUnits())
                        .setNumLayers(arch.lstmLayers())
                        .optBatchFirst(true)
                        .build());
        features = addChildBlock(
                "features", Linear.builder().setUnits(arch.features()).build());
        int c = arch.decoderChannels();
        context = addChildBlock("context", TapConv1d.same(CONTEXT, c));
        for (int i = 0; i < arch.rewriteLayers(); i++) {
            rewrites.add(addChildBlock(
                    "rewrite" + i,
                    Conv1d.builder().setKernelShape(new Shape(1)).setFilters(c).build()));
        }
        synthesis = addChildBlock("synthesis", new TapConv1d(WINDOW_FRAMES, 1, 0, arch.hop(), true));
    }

    private static Block embedding(int rows, int dimension) {
        return new IdEmbedding.Builder()
                .setDictionarySize(rows)
                .setEmbeddingSize(dimension)
                .build();
    }

    public SingArchitecture architecture() {
        return arch;
    }

    /**
     * The block's input for notes with these labels over {@code frames} frames: {@code [B, T, 3]}
     * of (instrument, pitch, position), positions past the table sharing its last row.
     *
     * @throws IllegalArgumentException if an instrument is beyond the table
     */
    static NDArray conditioning(NDManager manager, ClipLabel[] labels, int frames) {
        long[] ids = new long[labels.length * frames * 3];
        for (int b = 0; b < labels.length; b++) {
            Check.that(
                    labels[b].instrument() < INSTRUMENTS,
                    "instrument class",
                    labels[b].instrument(),
                    "SING's instrument table holds " + INSTRUMENTS + " classes; use data with fewer instruments");
            for (int t = 0; t < frames; t++) {
                int at = (b * frames + t) * 3;
                ids[at] = labels[b].instrument();
                ids[at + 1] = labels[b].pitch();
                ids[at + 2] = Math.min(t, POSITIONS - 1);
            }
        }
        return manager.create(ids, new Shape(labels.length, frames, 3));
    }

    private static NDArray apply(Block b, ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray ids = inputs.singletonOrThrow();
        NDArray x = NDArrays.concat(
                new NDList(
                        apply(instrument, ps, ids.get(":, :, 0"), training),
                        apply(pitch, ps, ids.get(":, :, 1"), training),
                        apply(position, ps, ids.get(":, :, 2"), training)),
                2);
        NDArray h = lstm.forward(ps, new NDList(x), training).get(0); // [B, T, units]
        NDArray y = apply(features, ps, h, training).transpose(0, 2, 1); // [B, features, T]
        y = Activation.relu(apply(context, ps, y, training));
        for (Block rewrite : rewrites) {
            y = Activation.relu(apply(rewrite, ps, y, training));
        }
        return new NDList(synthesize(synthesis, ps, y, training));
    }

    /**
     * The synthesis layer: decoder output {@code [B, C, T]} to waveform {@code [B, T hop]}, equal to
     * a transposed convolution of stride hop whose kernel holds, at offset {@code r + k hop}, the
     * weights of this convolution's tap {@code 3 - k} for output r. The frames before the first
     * are silence.
     */
    static NDArray synthesize(Block synthesis, ParameterStore ps, NDArray y, boolean training) {
        NDArray frames = apply(synthesis, ps, y.pad(new Shape(WINDOW_FRAMES - 1, 0), 0), training); // [B, hop, T]
        Shape s = frames.getShape();
        return frames.transpose(0, 2, 1).reshape(s.get(0), s.get(2) * s.get(1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1) * arch.hop())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        Shape ids = new Shape(b, t);
        instrument.initialize(manager, dataType, ids);
        pitch.initialize(manager, dataType, ids);
        position.initialize(manager, dataType, ids);
        lstm.initialize(manager, dataType, lstmInput(b, t));
        features.initialize(manager, dataType, new Shape(b, t, arch.lstmUnits()));
        context.initialize(manager, dataType, new Shape(b, arch.features(), t));
        for (Block rewrite : rewrites) {
            rewrite.initialize(manager, dataType, new Shape(b, arch.decoderChannels(), t));
        }
        synthesis.initialize(manager, dataType, new Shape(b, arch.decoderChannels(), t + WINDOW_FRAMES - 1));
    }

    private static Shape lstmInput(long b, long t) {
        return new Shape(new long[] {b, t, INSTRUMENT_DIMENSION + PITCH_DIMENSION + POSITION_DIMENSION}, "NTC");
    }

    /** Forward FLOPs over {@code [B, T, 3]}; the embeddings are lookups, without arithmetic. */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        int c = arch.decoderChannels();
        long total = counter.of(lstm, lstmInput(b, t));
        total += counter.of(features, new Shape(b, t, arch.lstmUnits()));
        total += counter.of(context, new Shape(b, arch.features(), t)) + b * c * t; // ReLU
        for (Block rewrite : rewrites) {
            total += counter.of(rewrite, new Shape(b, c, t)) + b * c * t; // ReLU
        }
        return total + counter.of(synthesis, new Shape(b, c, t + WINDOW_FRAMES - 1));
    }
}
