package io.paretone.evaluators.quality;

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
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.paretone.spaces.blocks.KernelLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The judge network. Input: normalised log-mel frames {@code [batch, melBands, frames]}. Three
 * convolutions of width 3 over time (mel bands as channels, ReLU), mean and max over time
 * concatenated, a linear layer with tanh giving the embedding {@code [batch, embeddingSize]}, and a
 * linear head giving the logits of every label facet side by side {@code [batch, classes]}. Output:
 * the embedding, then the logits. Undilated convolutions only, since PyTorch's CPU dilated
 * convolution gave NaN gradients in this project. Pooling over time lets it judge clips of any
 * length of at least one frame. The embedding is bounded by tanh because audio unlike the training
 * data (strongly low-passed, say) drove unbounded ReLU units to arbitrary sizes, which made the
 * Fréchet term jump about instead of growing with the damage.
 */
final class JudgeBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final int LAYERS = 3;
    /** Each convolution's width, padded to keep the length. */
    private static final int KERNEL = 3;

    private final int channels;
    private final int classes;
    private final List<Block> convolutions = new ArrayList<>();
    private final Block embed;
    private final Block head;

    /** @param classes total classes over all facets; 0 for a judge with nothing to predict */
    JudgeBlock(int channels, int embeddingSize, int classes) {
        super(VERSION);
        this.channels = channels;
        this.classes = classes;
        for (int i = 0; i < LAYERS; i++) {
            convolutions.add(addChildBlock(
                    "conv" + i,
                    Conv1d.builder()
                            .setKernelShape(new Shape(KERNEL))
                            .optPadding(new Shape(KERNEL / 2))
                            .setFilters(channels)
                            .build()));
        }
        embed = addChildBlock("embed", Linear.builder().setUnits(embeddingSize).build());
        head = addChildBlock(
                "head", Linear.builder().setUnits(Math.max(1, classes)).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = inputs.singletonOrThrow();
        for (Block conv : convolutions) {
            h = Activation.relu(convolve(conv, ps, h, training));
        }
        NDArray pooled = NDArrays.concat(new NDList(h.mean(new int[] {2}), h.max(new int[] {2})), 1);
        NDArray embedding = embed.forward(ps, new NDList(pooled), training)
                .singletonOrThrow()
                .tanh();
        NDArray logits = head.forward(ps, new NDList(embedding), training).singletonOrThrow();
        return new NDList(embedding, logits);
    }

    /**
     * One of the convolutions, its kernel in its device's layout ({@link KernelLayout}): through the
     * block's own forward pass the CPU would train the lower layers on wrong input gradients.
     */
    private static NDArray convolve(Block conv, ParameterStore ps, NDArray h, boolean training) {
        NDArray w = ps.getValue(conv.getParameters().get("weight"), h.getDevice(), training);
        NDArray b = ps.getValue(conv.getParameters().get("bias"), h.getDevice(), training);
        return Conv1d.conv1d(h, KernelLayout.of(w), b, new Shape(1), new Shape(KERNEL / 2), new Shape(1))
                .singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[] {
            embed.getOutputShapes(new Shape[] {new Shape(batch, 2L * channels)})[0],
            new Shape(batch, Math.max(1, classes))
        };
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape shape = in;
        for (Block conv : convolutions) {
            conv.initialize(manager, dataType, shape);
            shape = new Shape(in.get(0), channels, in.get(2));
        }
        embed.initialize(manager, dataType, new Shape(in.get(0), 2L * channels));
        head.initialize(manager, dataType, embed.getOutputShapes(new Shape[] {new Shape(in.get(0), 2L * channels)}));
    }
}
