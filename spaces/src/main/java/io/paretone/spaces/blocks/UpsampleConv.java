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
import io.paretone.spaces.cost.Upsample;

/**
 * Nearest-neighbour upsampling by an integer factor along every spatial axis, followed by a
 * convolution that keeps the size: the replacement for a transposed convolution, which DJL's
 * PyTorch engine does not implement in 1-D (and which causes checkerboard artefacts anyway; Odena
 * et al. 2016). Input {@code [B, C, L]} (or {@code [B, C, H, W]}), output {@code [B, filters, L x
 * factor]} (or both axes times {@code factor}).
 *
 * <p>Counted as the layer it stands for, a transposed convolution of stride {@code factor} with the
 * same weights: each of the P input positions scatters C_in x filters x K multiply-adds, the bias
 * is added at every output position. The stand-in itself runs the convolution at the upsampled
 * size, {@code factor} to the power of the spatial axes times those multiply-adds.
 */
public final class UpsampleConv extends AbstractBlock implements FlopCountable {
    private static final byte VERSION = 1;
    private final int factor;
    private final Block conv;

    /**
     * Along time: a {@link TapConv1d} with bias.
     *
     * @param kernel an odd kernel width, padded to keep the length
     */
    public UpsampleConv(int factor, int kernel, int filters) {
        this(factor, TapConv1d.same(kernel, filters));
    }

    private UpsampleConv(int factor, Block sameConv) {
        super(VERSION);
        this.factor = Check.positive("upsampling factor", factor);
        conv = addChildBlock("conv", sameConv);
    }

    /**
     * Upsampling then any convolution with bias, stride 1, padded to keep the spatial size (such as
     * a padded {@code TapConv2d} for images).
     */
    public static UpsampleConv of(int factor, Block sameConv) {
        return new UpsampleConv(factor, sameConv);
    }

    /** Nearest-neighbour upsampling of {@code [B, C, ...]}: each value repeated {@code factor} times per spatial axis. */
    public static NDArray nearest(NDArray x, int factor) {
        return Upsample.nearest(x, factor);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return conv.forward(ps, new NDList(nearest(inputs.singletonOrThrow(), factor)), training);
    }

    private Shape upsampled(Shape in) {
        return new Upsample(factor).getOutputShapes(new Shape[] {in})[0];
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
     * The transposed convolution's products equal those of the same convolution at the input's size
     * (P positions x C_in x filters x K); its bias covers the {@code factor^d} x P outputs.
     */
    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape out = getOutputShapes(inputShapes)[0];
        long biasBeyondInputSize =
                out.get(0) * out.get(1) * (out.slice(2).size() - in.slice(2).size());
        return counter.of(conv, in) + biasBeyondInputSize;
    }
}
