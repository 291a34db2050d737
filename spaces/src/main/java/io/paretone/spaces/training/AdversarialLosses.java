package io.paretone.spaces.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.paretone.spaces.runtime.DeviceConstants;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The GAN losses the adversarial families share (WaveGAN, GANSynth), for critic scores of shape
 * {@code [B]} or {@code [B, 1]} and inputs of any rank with the batch first.
 *
 * <ul>
 *   <li>WGAN-GP (Gulrajani et al. 2017): the critic minimises {@code D(fake) - D(real)} plus
 *       {@link #gradientPenalty}; the generator minimises {@code -D(fake)};
 *   <li>hinge: the critic minimises {@code relu(1 - D(real)) + relu(1 + D(fake))}; the generator
 *       also minimises {@code -D(fake)}.
 * </ul>
 */
public final class AdversarialLosses {
    /** The gradient penalty's weight lambda, 10 in WGAN-GP, WaveGAN and GANSynth. */
    public static final float GRADIENT_PENALTY_WEIGHT = 10;

    /** The adversarial-loss gene's value for WGAN-GP, spelled one way in every GAN family. */
    public static final String WGAN_GP = "wgan_gp";

    /** The adversarial-loss gene's value for the hinge loss. */
    public static final String HINGE = "hinge";

    private AdversarialLosses() {}

    /** The Wasserstein critic's loss without its penalty: {@code mean D(fake) - mean D(real)}. */
    public static NDArray wassersteinCritic(NDArray dReal, NDArray dFake) {
        return dFake.mean().sub(dReal.mean());
    }

    public static NDArray hingeCritic(NDArray dReal, NDArray dFake) {
        NDArray one = DeviceConstants.of(dReal, 1f);
        return Activation.relu(one.sub(dReal))
                .mean()
                .add(Activation.relu(dFake.add(one)).mean());
    }

    /** The generator's loss under both: {@code -mean D(fake)}. */
    public static NDArray generator(NDArray dFake) {
        return dFake.mean().neg();
    }

    /**
     * {@code lambda mean (|grad_x D(x)| - 1)^2} at points x drawn uniformly on the segments between
     * each real example and its fake (the mixing weights come from the engine's seeded generator).
     *
     * @param critic the critic's score of a batch, differentiable in its input
     * @param fake already detached from the generator
     */
    public static NDArray gradientPenalty(StepContext c, UnaryOperator<NDArray> critic, NDArray real, NDArray fake) {
        Shape shape = real.getShape();
        long[] perExample = new long[shape.dimension()];
        Arrays.fill(perExample, 1);
        perExample[0] = shape.get(0);
        NDArray epsilon = c.manager().randomUniform(0, 1, new Shape(perExample));
        NDArray one = DeviceConstants.of(real, 1f);
        NDArray mixed = real.mul(epsilon).add(fake.mul(one.sub(epsilon)));
        mixed.setRequiresGradient(true);
        NDArray gradient = c.inputGradient(critic.apply(mixed), mixed).reshape(shape.get(0), -1);
        NDArray norm = gradient.square()
                .sum(new int[] {1})
                .add(DeviceConstants.of(real, 1e-12f))
                .sqrt();
        return norm.sub(one).square().mean().mul(DeviceConstants.of(real, GRADIENT_PENALTY_WEIGHT));
    }
}
