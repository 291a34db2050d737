package io.paretone.spaces.samplernn;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.audio.AncestralSampling;

/**
 * Ancestral sampling, one sample at a time for all clips of a call in one batch, on the device
 * ({@link AncestralSampling}), from a top frame of silence; the recurrent states are carried,
 * never recomputed, and each drawn class goes back into the network's windows without leaving the
 * device.
 */
final class SampleRnnSampler implements Sampler {

    @Override
    public float[][] generate(Block block, ParameterStore parameters, GenerationRequest request) {
        SampleRnnBlock net = (SampleRnnBlock) block;
        NDManager owner = block.getParameters().valueAt(0).getArray().getManager();
        try (NDManager manager = owner.newSubManager()) {
            SampleRnnBlock.GenerationState state = net.newGenerationState(manager, request.clips());
            try {
                return AncestralSampling.generate(
                        manager, request.clips(), request.samples(), request.seed(), (t, previous) -> {
                            if (t > 0) {
                                state.append(previous);
                            }
                            return state.step(parameters, t);
                        });
            } finally {
                state.close();
            }
        }
    }
}
