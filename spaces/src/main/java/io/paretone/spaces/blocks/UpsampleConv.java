package io.paretone.spaces.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;

/**
 * Nearest-neighbour upsampling by an integer factor followed by a "same" convolution: the
 * replacement for a transposed convolution, which DJL's PyTorch engine does not implement (and
 * which causes checkerboard artefacts anyway; Odena et al. 2016). Input {@code [B, C, L]}, output
 * {@code [B, filters, L x factor]}; the convolution is a {@link TapConv1d}.
 *
 * <p>Counted as the layer it stands for, a transposed convolution of stride {@code factor} with the
 * same weights: each of the L input positions scatters C_in x filters x K multiply-adds, the bias
 * is added at every output position. The stand-in itself runs the convolution at the upsampled
 * length, {@code factor} times those multiply-adds.
 */
public final class UpsampleConv extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;
    private final int factor;
    private final Block conv;

    /**
     * @param kernel an odd kernel width, padded to keep the length
     */
    public UpsampleConv(int factor, int kernel, int filters) {
        super(VERSION);
        this.factor = Check.positive("upsampling factor", factor);
        Check.that(kernel % 2 == 1, "kernel", kernel, "must be odd to keep the length");
        conv = addChildBlock("conv", TapConv1d.same(kernel, filters));
    }

    /** Nearest-neighbour upsampling of {@code [B, C, L]} along time: each sample repeated {@code factor} times. */
    public static NDArray nearest(NDArray x, int factor) {
        return factor == 1 ? x : x.repeat(2, factor);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return conv.forward(ps, new NDList(nearest(inputs.singletonOrThrow(), factor)), training);
    }

    private Shape upsampled(Shape in) {
        return new Shape(in.get(0), in.get(1), in.get(2) * factor);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(new Shape[] {upsampled(inputShapes[0])});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, upsampled(inputShapes[0]));
    }

    /**
     * The transposed convolution's products equal those of the same convolution at the input's
     * length (L positions x C_in x filters x K); its bias covers the {@code factor} x L outputs.
     */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape out = getOutputShapes(inputShapes)[0];
        long biasBeyondInputLength = out.get(0) * out.get(1) * (out.get(2) - in.get(2));
        return counter.of(conv, in) + biasBeyondInputLength;
    }
}
