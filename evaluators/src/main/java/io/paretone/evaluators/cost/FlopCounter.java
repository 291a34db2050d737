package io.paretone.evaluators.cost;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import io.paretone.spaces.cost.FlopCountable;
import io.paretone.spaces.cost.LayerFlops;

/**
 * Counts forward FLOPs from layer shapes, with the convention of {@code torch.utils.flop_counter}:
 * one multiply-add is 2 FLOPs. A convolution costs 2 x N x C_out x L_out x (C_in / groups) x K,
 * plus N x C_out x L_out for its bias; a linear layer 2 x N x in x out plus N x out for its bias.
 * Element-wise work inside custom blocks (gates, activations, additions) is counted by those blocks
 * at one FLOP per output element (torch's counter leaves it out). A layer with no rule is an
 * error, never a silent zero.
 */
public final class FlopCounter implements LayerFlops {

    @Override
    public long of(Block block, Shape... inputShapes) {
        if (block instanceof FlopCountable countable) {
            return countable.forwardFlops(this, inputShapes);
        }
        if (block instanceof Convolution conv) {
            return convolution(conv, inputShapes[0]);
        }
        if (block instanceof Linear linear) {
            return linear(linear, inputShapes[0]);
        }
        if (block instanceof SequentialBlock sequence) {
            long total = 0;
            Shape[] shapes = inputShapes;
            for (Block child : sequence.getChildren().values()) {
                total += of(child, shapes);
                shapes = child.getOutputShapes(shapes);
            }
            return total;
        }
        throw new UncountableLayerException(block.getClass());
    }

    private static long convolution(Convolution conv, Shape input) {
        Shape out = conv.getOutputShapes(new Shape[] {input})[0];
        long n = out.get(0);
        long cOut = out.get(1);
        long positions = out.slice(2).size();
        long cInPerGroup = input.get(1) / conv.getGroups();
        long taps = conv.getKernelShape().size();
        long flops = 2 * n * cOut * positions * cInPerGroup * taps;
        if (conv.isIncludeBias()) {
            flops += n * cOut * positions;
        }
        return flops;
    }

    private static long linear(Linear linear, Shape input) {
        Shape out = linear.getOutputShapes(new Shape[] {input})[0];
        long units = out.tail();
        long rows = input.size() / input.tail();
        long flops = 2 * rows * input.tail() * units;
        if (linear.getDirectParameters().contains("bias")) {
            flops += rows * units;
        }
        return flops;
    }
}
