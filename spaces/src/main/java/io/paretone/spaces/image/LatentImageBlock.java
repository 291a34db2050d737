package io.paretone.spaces.image;

import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.blocks.TwoPartBlock;

/**
 * A {@link TwoPartBlock} of images: the generating part turns latents {@code [B, Z]} into images
 * {@code [B, C, H, W]} of {@link #format}.
 */
public abstract class LatentImageBlock extends TwoPartBlock {
    protected LatentImageBlock(byte version) {
        super(version);
    }

    /** The images' format. */
    protected abstract ImageFormat format();

    @Override
    protected Shape[] generatedShapes(Shape[] inputShapes) {
        return new Shape[] {format().batch(inputShapes[0].get(0))};
    }
}
