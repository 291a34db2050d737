package io.paretone.evaluators.quality;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.blocks.TapConv2d;

/**
 * The image judge, a small classifier in the role Inception plays for FID: two stride-2 3 x 3
 * convolutions with ReLU (16 and 32 channels), flattened, a linear layer with ReLU giving the
 * embedding, and a linear head giving the class logits. Output: the embedding, then the logits.
 */
final class ImageJudgeBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Block conv1 = addChildBlock("conv1", TapConv2d.padded(3, 2, 16));
    private final Block conv2 = addChildBlock("conv2", TapConv2d.padded(3, 2, 32));
    private final Block embed;
    private final Block head;

    ImageJudgeBlock(int embeddingSize, int classes) {
        super(VERSION);
        embed = addChildBlock("embed", Linear.builder().setUnits(embeddingSize).build());
        head = addChildBlock("head", Linear.builder().setUnits(classes).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray h = firstLayer(ps, inputs, training);
        h = Activation.relu(conv2.forward(ps, new NDList(h), training).singletonOrThrow());
        NDArray embedding = Activation.relu(
                embed.forward(ps, new NDList(h.reshape(h.getShape().get(0), -1)), training)
                        .singletonOrThrow());
        return new NDList(
                embedding, head.forward(ps, new NDList(embedding), training).singletonOrThrow());
    }

    /** The first convolution's activations, {@code [batch, 16, 14, 14]}: local edges and pieces of stroke. */
    NDArray firstLayer(ParameterStore ps, NDList images, boolean training) {
        return Activation.relu(conv1.forward(ps, images, training).singletonOrThrow());
    }

    private Shape flat(Shape in) {
        Shape h = conv2.getOutputShapes(conv1.getOutputShapes(new Shape[] {in}))[0];
        return new Shape(h.get(0), h.get(1) * h.get(2) * h.get(3));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape e = embed.getOutputShapes(new Shape[] {flat(inputShapes[0])})[0];
        return new Shape[] {e, head.getOutputShapes(new Shape[] {e})[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv1.initialize(manager, dataType, inputShapes[0]);
        conv2.initialize(manager, dataType, conv1.getOutputShapes(inputShapes)[0]);
        embed.initialize(manager, dataType, flat(inputShapes[0]));
        head.initialize(manager, dataType, embed.getOutputShapes(new Shape[] {flat(inputShapes[0])})[0]);
    }
}
