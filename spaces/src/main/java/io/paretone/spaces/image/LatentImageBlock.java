package io.paretone.spaces.image;

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
 * The root block of a latent-variable image model in two parts: one that turns latents
 * {@code [B, Z]} into images {@code [B, C, H, W]} (a GAN's generator, a VAE's decoder), which is
 * the root's forward pass, and one that reads images (the discriminator, the encoder), used in
 * training only. The reading part is initialised on the generated images' shape, and a training
 * example is counted through both parts.
 */
public abstract class LatentImageBlock extends AbstractBlock implements FlopCountable {
    protected LatentImageBlock(byte version) {
        super(version);
    }

    /** The images' format. */
    protected abstract ImageFormat format();

    /** Latents to images: the forward pass. */
    protected abstract Block generating();

    /** Images to what training needs of them (a score, a posterior). */
    protected abstract Block reading();

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return generating().forward(ps, inputs, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {format().batch(inputShapes[0].get(0))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        generating().initialize(manager, dataType, inputShapes);
        reading().initialize(manager, dataType, getOutputShapes(inputShapes));
    }

    @Override
    public long forwardFlops(LayerFlops counter, Shape... inputShapes) {
        return counter.of(generating(), inputShapes) + counter.of(reading(), getOutputShapes(inputShapes));
    }
}
