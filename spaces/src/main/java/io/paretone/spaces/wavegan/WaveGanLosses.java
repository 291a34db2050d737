package io.paretone.spaces.wavegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.training.AdversarialLosses;
import io.paretone.spaces.training.StepContext;

/**
 * The two players' losses, WGAN-GP or hinge ({@link AdversarialLosses}). Real batches are random
 * crops of one clip length; latents are standard normal from the engine's seeded generator.
 */
final class WaveGanLosses {
    private final WaveGanArchitecture arch;
    private final int batchSize;

    WaveGanLosses(WaveGanArchitecture arch, int batchSize) {
        this.arch = arch;
        this.batchSize = batchSize;
    }

    private NDArray fake(StepContext c) {
        WaveGanBlock gan = (WaveGanBlock) c.block();
        return c.forward(gan.generator(), c.manager().randomNormal(new Shape(batchSize, arch.latent())));
    }

    NDArray discriminator(StepContext c) {
        WaveGanBlock gan = (WaveGanBlock) c.block();
        NDArray real = c.crops(batchSize, arch.clipLength());
        NDArray fake = fake(c).stopGradient(); // the critic's update leaves the generator alone
        NDArray dReal = c.forward(gan.discriminator(), real);
        NDArray dFake = c.forward(gan.discriminator(), fake);
        if (arch.hinge()) {
            return AdversarialLosses.hingeCritic(dReal, dFake);
        }
        return AdversarialLosses.wassersteinCritic(dReal, dFake)
                .add(AdversarialLosses.gradientPenalty(c, x -> c.forward(gan.discriminator(), x), real, fake));
    }

    NDArray generator(StepContext c) {
        WaveGanBlock gan = (WaveGanBlock) c.block();
        return AdversarialLosses.generator(c.forward(gan.discriminator(), fake(c)));
    }
}
