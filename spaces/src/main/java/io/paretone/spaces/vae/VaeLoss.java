package io.paretone.spaces.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.paretone.spaces.audio.LogMel;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.Update;

/**
 * The negative evidence lower bound per audio sample, beta-weighted: reconstruction error plus
 * {@code kl_weight} x KL(q(z|x) || N(0, I)) divided by the samples of the crop. The latent is drawn
 * by the reparameterisation trick, with noise from the engine's seeded generator.
 */
final class VaeLoss implements Update.Loss {
    private static final int FFT = 512;
    private static final int HOP = 128;
    private static final int MELS = 64;

    private final VaeArchitecture arch;
    private final int batchSize;
    /** Made at the first step, when the sample rate is known; it keeps its window and filters on the device. */
    private LogMel logMel;

    VaeLoss(VaeArchitecture arch, int batchSize) {
        this.arch = arch;
        this.batchSize = batchSize;
    }

    @Override
    public NDArray compute(StepContext context) {
        VaeBlock vae = (VaeBlock) context.block();
        NDArray x = context.crops(batchSize, arch.cropLength());
        NDArray[] posterior = vae.encode(context, x);
        NDArray mean = posterior[0];
        NDArray logVariance = posterior[1];
        NDArray half = context.scalar(0.5f);
        NDArray noise = context.manager().randomNormal(mean.getShape());
        NDArray z = mean.add(logVariance.mul(half).exp().mul(noise));
        NDArray decoded = vae.forward(context.parameters(), new NDList(z), true).singletonOrThrow();
        NDArray reconstruction;
        if (arch.logMelReconstruction()) {
            if (logMel == null) {
                logMel = new LogMel(context.data().sampleRate(), FFT, HOP, MELS);
            }
            reconstruction = logMel.of(decoded).sub(logMel.of(x)).abs().mean();
        } else {
            reconstruction = decoded.sub(x).square().mean();
        }
        // kl_weight x KL / samples, its three constant factors folded into one multiplication: one
        // operation forward and one backward instead of three each.
        float klScale = (float) (0.5 * arch.klWeight() / ((double) batchSize * arch.cropLength()));
        NDArray kl = mean.square()
                .add(logVariance.exp())
                .sub(context.scalar(1))
                .sub(logVariance)
                .sum();
        return reconstruction.add(kl.mul(context.scalar(klScale)));
    }
}
