package io.paretone.spaces.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;

/**
 * The root block of a model in two parts: one that generates (a GAN's generator, a VAE's
 * decoder), which is the root's forward pass, and one that reads what was generated (the
 * discriminator or critic, the encoder), used in training only. The reading part is initialised on
 * the generated examples' shape, and a training example is counted through both parts
 * (generation counts the generating part alone; the architectures say so).
 */
public abstract class TwoPartBlock extends AbstractBlock implements FlopCountable {
    protected TwoPartBlock(byte version) {
        super(version);
    }

    /** The forward pass: latents (and conditioning) to examples. */
    protected abstract Block generating();

    /** Examples to what training needs of them (a score, a posterior). */
    protected abstract Block reading();

    /** The generated examples' shape for a batch of inputs: what {@link #reading} reads. */
    protected Shape[] generatedShapes(Shape[] inputShapes) {
        return generating().getOutputShapes(inputShapes);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return generating().forward(ps, inputs, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return generatedShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        generating().initialize(manager, dataType, inputShapes);
        reading().initialize(manager, dataType, generatedShapes(inputShapes));
    }

    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        return counter.of(generating(), inputShapes) + counter.of(reading(), generatedShapes(inputShapes));
    }
}
