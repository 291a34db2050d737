package io.paretone.spaces.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.paretone.spaces.runtime.DeviceConstants;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.Update;

/**
 * Exact negative log-likelihood of audio crops under the flow with a standard normal prior, in nats
 * per sample: {@code (z^2 / 2 + log(2 pi) / 2) - logdet / L}, averaged over the batch. Each crop is
 * dequantised with uniform noise one 16-bit step wide, so silence cannot drive the density to
 * infinity: the likelihood of a continuous density on quantised audio is bounded only that way.
 */
final class FlowLoss implements Update.Loss {
    private static final float QUANTUM = 1f / 32768;
    private static final float HALF_LOG_TWO_PI = (float) (0.5 * Math.log(2 * Math.PI));

    private final int batchSize;

    FlowLoss(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public NDArray compute(StepContext context) {
        int length = FlowArchitecture.TRAINING_SAMPLES;
        NDArray crops = context.crops(batchSize, length);
        NDArray x = crops.add(context.manager().randomUniform(-QUANTUM / 2, QUANTUM / 2, crops.getShape()));
        NDList out = context.block().forward(context.parameters(), new NDList(x), true);
        return negativeLogLikelihood(out.get(0), out.get(1), length);
    }

    /** Mean NLL in nats per sample of latents {@code [B, C, T]} with log-determinants {@code [B]}. */
    static NDArray negativeLogLikelihood(NDArray z, NDArray logdet, long samples) {
        NDArray prior = z.square().sum(new int[] {1, 2}).mul(DeviceConstants.of(z, 0.5f));
        return prior.sub(logdet)
                .div(DeviceConstants.of(z, samples))
                .add(DeviceConstants.of(z, HALF_LOG_TWO_PI))
                .mean();
    }
}
