package io.paretone.spaces.training;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The passes of the adversarial families' updates (WaveGAN, GANSynth, DCGAN), as their losses
 * ({@link AdversarialLosses}) run them on one batch.
 */
public final class AdversarialPasses {
    private AdversarialPasses() {}

    /**
     * A critic update: a generated batch without back-propagating into the generator, the critic
     * trained on it and on a real batch, and with WGAN-GP the penalty's pass over interpolates.
     *
     * @param latents the generator's input batch
     * @param samples a batch as the critic receives it, real or generated
     */
    public static List<Pass> criticUpdate(
            String generatorName,
            UnaryOperator<Block> generator,
            String criticName,
            UnaryOperator<Block> critic,
            Shape latents,
            Shape samples,
            boolean gradientPenalty) {
        List<Pass> passes = new ArrayList<>(List.of(
                Pass.forward(generatorName, generator, latents),
                Pass.trained(criticName, critic, samples),
                Pass.trained(criticName, critic, samples)));
        if (gradientPenalty) {
            passes.add(Pass.gradientPenalty(criticName, critic, samples));
        }
        return passes;
    }

    /** A generator update: a generated batch judged, back-propagating through both players. */
    public static List<Pass> generatorUpdate(
            String generatorName,
            UnaryOperator<Block> generator,
            String criticName,
            UnaryOperator<Block> critic,
            Shape latents,
            Shape samples) {
        return List.of(Pass.trained(generatorName, generator, latents), Pass.trained(criticName, critic, samples));
    }
}
