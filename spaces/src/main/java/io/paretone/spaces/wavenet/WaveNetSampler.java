package io.paretone.spaces.wavenet;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.audio.AncestralSampling;

/**
 * Ancestral sampling, one sample at a time, all clips of a call in one batch, on the device
 * ({@link AncestralSampling}). Each step costs one output position per layer thanks to the cached
 * windows of {@link WaveNetBlock.GenerationState}.
 */
final class WaveNetSampler implements Sampler {

    @Override
    public float[][] generate(Block block, ParameterStore parameters, GenerationRequest request) {
        WaveNetBlock net = (WaveNetBlock) block;
        NDManager owner = block.getParameters().valueAt(0).getArray().getManager();
        try (NDManager manager = owner.newSubManager()) {
            WaveNetBlock.GenerationState state = net.newGenerationState(manager, request.clips());
            try {
                return AncestralSampling.generate(
                        manager,
                        request.clips(),
                        request.samples(),
                        request.seed(),
                        (t, previous) -> state.step(parameters, previous));
            } finally {
                state.close();
            }
        }
    }
}
