package io.paretone.spaces.convvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.Update;

/**
 * The negative evidence lower bound per pixel value, beta-weighted: squared reconstruction error
 * plus {@code kl_weight} x KL(q(z|x) || N(0, I)) divided by the values of the batch. The latent is
 * drawn by the reparameterisation trick, with noise from the engine's seeded generator.
 */
final class ConvVaeLoss implements Update.Loss {
    private final ConvVaeArchitecture arch;
    private final int batchSize;

    ConvVaeLoss(ConvVaeArchitecture arch, int batchSize) {
        this.arch = arch;
        this.batchSize = batchSize;
    }

    @Override
    public NDArray compute(StepContext context) {
        ConvVaeBlock vae = (ConvVaeBlock) context.block();
        NDArray x = context.crops(batchSize, arch.format().values())
                .reshape(arch.format().batch(batchSize));
        NDArray[] posterior = vae.encode(context, x);
        NDArray mean = posterior[0];
        NDArray logVariance = posterior[1];
        NDArray half = context.scalar(0.5f);
        NDArray z = mean.add(logVariance.mul(half).exp().mul(context.manager().randomNormal(mean.getShape())));
        NDArray decoded = vae.forward(context.parameters(), new NDList(z), true).singletonOrThrow();
        NDArray reconstruction = decoded.sub(x).square().mean();
        NDArray kl = mean.square()
                .add(logVariance.exp())
                .sub(context.scalar(1))
                .sub(logVariance)
                .sum()
                .mul(half)
                .div(context.scalar((float) batchSize * arch.format().values()));
        return reconstruction.add(kl.mul(context.scalar((float) arch.klWeight())));
    }
}
