package io.paretone.spaces.wavegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.paretone.spaces.training.StepContext;

/**
 * The two players' losses. WGAN-GP: the critic minimises D(fake) - D(real) + 10 x (|grad D(x)| -
 * 1)^2 at random interpolates x; hinge: relu(1 - D(real)) + relu(1 + D(fake)). The generator
 * minimises -D(fake) under both. Real batches are random crops of one clip length; latents are
 * standard normal from the engine's seeded generator.
 */
final class WaveGanLosses {
    static final double GRADIENT_PENALTY_WEIGHT = 10;

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
        NDArray real = c.data().crops(batchSize, arch.clipLength(), c.random()).array(c.manager());
        NDArray fake = fake(c).stopGradient(); // the critic's update leaves the generator alone
        NDArray dReal = c.forward(gan.discriminator(), real);
        NDArray dFake = c.forward(gan.discriminator(), fake);
        if (arch.hinge()) {
            return Activation.relu(dReal.neg().add(1)).mean().add(Activation.relu(dFake.add(1)).mean());
        }
        NDArray epsilon = c.manager().randomUniform(0, 1, new Shape(batchSize, 1));
        NDArray mixed = real.mul(epsilon).add(fake.mul(epsilon.neg().add(1)));
        mixed.setRequiresGradient(true);
        NDArray gradient = c.inputGradient(c.forward(gan.discriminator(), mixed), mixed);
        NDArray norm = gradient.square().sum(new int[] {1}).add(1e-12).sqrt();
        NDArray penalty = norm.sub(1).square().mean().mul(GRADIENT_PENALTY_WEIGHT);
        return dFake.mean().sub(dReal.mean()).add(penalty);
    }

    NDArray generator(StepContext c) {
        WaveGanBlock gan = (WaveGanBlock) c.block();
        return c.forward(gan.discriminator(), fake(c)).mean().neg();
    }
}
