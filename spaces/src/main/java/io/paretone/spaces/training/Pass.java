package io.paretone.spaces.training;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.check.Check;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One pass of a part of the candidate's block that an {@link Update} runs on its batch, declared
 * beside the loss that runs it, so training FLOPs are counted as the recipe runs them (a WGAN-GP
 * critic update judges a real and a generated batch and the penalty's interpolates, and generates
 * its fakes without back-propagating into the generator).
 *
 * @param part names the part in messages and tests, such as {@code discriminator}
 * @param block picks the part from the candidate's root block (as {@link ParameterGroup#part})
 * @param inputs the shapes the part receives, batch axis included
 */
public record Pass(Kind kind, String part, UnaryOperator<Block> block, List<Shape> inputs) {

    /** What the update does with the part's output. */
    public enum Kind {
        /** Forward only: nothing back-propagates through it (a generated batch detached for the critic). */
        FORWARD,
        /** Forward and backward: gradients for the part's weights and its input. */
        TRAINED,
        /**
         * WGAN-GP's gradient penalty: a forward pass, the gradient with respect to the input kept
         * differentiable, and the backward pass through both (double back-propagation).
         */
        GRADIENT_PENALTY
    }

    public Pass {
        Check.notNull("pass kind", kind);
        Check.notNull("part", part);
        Check.notNull("block", block);
        inputs = List.copyOf(inputs);
        Check.that(!inputs.isEmpty(), "inputs of pass " + part, inputs, "declare the shapes the part receives");
    }

    public static Pass forward(String part, UnaryOperator<Block> block, Shape... inputs) {
        return new Pass(Kind.FORWARD, part, block, List.of(inputs));
    }

    public static Pass trained(String part, UnaryOperator<Block> block, Shape... inputs) {
        return new Pass(Kind.TRAINED, part, block, List.of(inputs));
    }

    public static Pass gradientPenalty(String part, UnaryOperator<Block> block, Shape... inputs) {
        return new Pass(Kind.GRADIENT_PENALTY, part, block, List.of(inputs));
    }

    /** The whole block, trained: the one pass of a single-loss recipe. */
    public static Pass wholeBlock(Shape... inputs) {
        return trained("all", UnaryOperator.identity(), inputs);
    }
}
