package io.paretone.spaces.dcgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.paretone.spaces.training.StepContext;

/**
 * The two players' losses, as for WaveGAN but on images. Hinge: relu(1 - D(real)) + relu(1 +
 * D(fake)); WGAN-GP: D(fake) - D(real) + 10 x (|grad D(x)| - 1)^2 at random interpolates x. The
 * generator minimises -D(fake) under both. Real batches are training images drawn at random;
 * latents are standard normal from the engine's seeded generator.
 */
final class DcganLosses {
    static final double GRADIENT_PENALTY_WEIGHT = 10;

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
        NDArray real = c.crops(batchSize, arch.format().values()).reshape(arch.format().batch(batchSize));
        NDArray fake = fake(c).stopGradient();
        NDArray dReal = c.forward(gan.discriminator(), real);
        NDArray dFake = c.forward(gan.discriminator(), fake);
        if (arch.hinge()) {
            return Activation.relu(dReal.neg().add(1)).mean().add(Activation.relu(dFake.add(1)).mean());
        }
        NDArray epsilon = c.manager().randomUniform(0, 1, new Shape(batchSize, 1, 1, 1));
        NDArray mixed = real.mul(epsilon).add(fake.mul(epsilon.neg().add(1)));
        mixed.setRequiresGradient(true);
        NDArray gradient = c.inputGradient(c.forward(gan.discriminator(), mixed), mixed);
        NDArray norm = gradient.square().sum(new int[] {1, 2, 3}).add(1e-12).sqrt();
        NDArray penalty = norm.sub(1).square().mean().mul(GRADIENT_PENALTY_WEIGHT);
        return dFake.mean().sub(dReal.mean()).add(penalty);
    }

    NDArray generator(StepContext c) {
        DcganBlock gan = (DcganBlock) c.block();
        return c.forward(gan.discriminator(), fake(c)).mean().neg();
    }
}
