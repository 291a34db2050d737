package io.paretone.spaces.vae;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Sampler;
import java.util.SplittableRandom;

/**
 * Decodes latents drawn from the prior N(0, I), long enough for the requested length, in one
 * pass; the noise comes from a seeded Java generator, so clips are reproducible.
 */
final class VaeSampler implements Sampler {

    @Override
    public float[][] generate(Block block, ParameterStore parameters, GenerationRequest request) {
        VaeArchitecture arch = ((VaeBlock) block).architecture();
        int steps = (request.samples() + arch.hop() - 1) / arch.hop();
        SplittableRandom random = new SplittableRandom(request.seed());
        float[] z = new float[request.clips() * arch.latent() * steps];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        NDManager owner = block.getParameters().valueAt(0).getArray().getManager();
        try (NDManager manager = owner.newSubManager()) {
            float[] audio = block.forward(
                            parameters,
                            new NDList(manager.create(z, new Shape(request.clips(), arch.latent(), steps))),
                            false)
                    .singletonOrThrow()
                    .toFloatArray();
            int length = steps * arch.hop();
            float[][] clips = new float[request.clips()][request.samples()];
            for (int c = 0; c < clips.length; c++) {
                System.arraycopy(audio, c * length, clips[c], 0, request.samples());
            }
            return clips;
        }
    }
}
