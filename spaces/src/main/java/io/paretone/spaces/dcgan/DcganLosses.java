package io.paretone.spaces.dcgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.training.AdversarialLosses;
import io.paretone.spaces.training.StepContext;

/**
 * The two players' losses, as for WaveGAN but on images. Hinge: relu(1 - D(real)) + relu(1 +
 * D(fake)); WGAN-GP: D(fake) - D(real) + 10 x (|grad D(x)| - 1)^2 at random interpolates x, both
 * {@link AdversarialLosses}. The
 * generator minimises -D(fake) under both. Real batches are training images drawn at random;
 * latents are standard normal from the engine's seeded generator.
 */
final class DcganLosses {
    private final DcganArchitecture arch;
    private final int batchSize;

    DcganLosses(DcganArchitecture arch, int batchSize) {
        this.arch = arch;
        this.batchSize = batchSize;
    }

    private NDArray fake(StepContext c) {
        DcganBlock gan = (DcganBlock) c.block();
        return c.forward(gan.generator(), c.manager().randomNormal(new Shape(batchSize, arch.latent())));
    }

    NDArray discriminator(StepContext c) {
        DcganBlock gan = (DcganBlock) c.block();
        NDArray real =
                c.crops(batchSize, arch.format().values()).reshape(arch.format().batch(batchSize));
        NDArray fake = fake(c).stopGradient();
        NDArray dReal = c.forward(gan.discriminator(), real);
        NDArray dFake = c.forward(gan.discriminator(), fake);
        if (arch.hinge()) {
            return AdversarialLosses.hingeCritic(dReal, dFake);
        }
        return AdversarialLosses.wassersteinCritic(dReal, dFake)
                .add(AdversarialLosses.gradientPenalty(c, x -> c.forward(gan.discriminator(), x), real, fake));
    }

    NDArray generator(StepContext c) {
        DcganBlock gan = (DcganBlock) c.block();
        return c.forward(gan.discriminator(), fake(c)).mean().neg();
    }
}
