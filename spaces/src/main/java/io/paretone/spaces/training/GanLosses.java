package io.paretone.spaces.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The two players' losses of an unconditional GAN (WaveGAN on clips, DCGAN on images), hinge or
 * WGAN-GP ({@link AdversarialLosses}); the generator minimises -D(fake) under both. Latents are
 * standard normal from the engine's seeded generator; what a real batch is (random crops of one
 * clip length, training images) is the family's.
 */
public final class GanLosses {
    private final UnaryOperator<Block> generator;
    private final UnaryOperator<Block> discriminator;
    private final Shape latents;
    private final Function<StepContext, NDArray> realBatch;
    private final boolean hinge;

    /**
     * @param generator the generator within the root block
     * @param discriminator the discriminator within the root block
     * @param latents the shape of one batch of latents
     * @param realBatch draws a real batch, as the discriminator receives it
     * @param hinge the hinge loss; otherwise WGAN-GP
     */
    public GanLosses(
            UnaryOperator<Block> generator,
            UnaryOperator<Block> discriminator,
            Shape latents,
            Function<StepContext, NDArray> realBatch,
            boolean hinge) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.latents = latents;
        this.realBatch = realBatch;
        this.hinge = hinge;
    }

    private NDArray fake(StepContext c) {
        return c.forward(generator.apply(c.block()), c.manager().randomNormal(latents));
    }

    /** A critic update's loss: a real batch, then a generated one the update leaves the generator alone on. */
    public NDArray discriminator(StepContext c) {
        Block critic = discriminator.apply(c.block());
        NDArray real = realBatch.apply(c);
        NDArray fake = fake(c).stopGradient();
        NDArray dReal = c.forward(critic, real);
        NDArray dFake = c.forward(critic, fake);
        if (hinge) {
            return AdversarialLosses.hingeCritic(dReal, dFake);
        }
        return AdversarialLosses.wassersteinCritic(dReal, dFake)
                .add(AdversarialLosses.gradientPenalty(c, x -> c.forward(critic, x), real, fake));
    }

    /** The generator update's loss, back-propagating through both players. */
    public NDArray generator(StepContext c) {
        return AdversarialLosses.generator(c.forward(discriminator.apply(c.block()), fake(c)));
    }
}
