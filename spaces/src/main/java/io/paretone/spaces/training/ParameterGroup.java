package io.paretone.spaces.training;

import ai.djl.nn.Block;
import io.paretone.spaces.check.Check;
import java.util.function.UnaryOperator;

/**
 * Parameters updated by one Adam optimiser: those of one part of the candidate's block (the whole
 * block, or a GAN's generator or discriminator). Groups of a recipe must not share parameters, and
 * together they must cover every trainable one.
 *
 * @param name how updates refer to the group, such as {@code generator}
 * @param part picks the group's sub-block from the candidate's root block
 */
public record ParameterGroup(String name, double learningRate, double beta1, double beta2, UnaryOperator<Block> part) {
    public ParameterGroup {
        Check.notNull("group name", name);
        Check.positive("learning rate", learningRate);
        Check.inRange("beta1", beta1, 0, 0.999999);
        Check.inRange("beta2", beta2, 0, 0.999999);
        Check.notNull("part", part);
    }

    /** Every parameter of the block, with Adam's usual betas (0.9, 0.999). */
    public static ParameterGroup whole(double learningRate) {
        return new ParameterGroup("all", learningRate, 0.9, 0.999, UnaryOperator.identity());
    }
}
