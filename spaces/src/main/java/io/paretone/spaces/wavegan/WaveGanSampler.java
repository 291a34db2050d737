package io.paretone.spaces.wavegan;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Sampler;
import java.util.SplittableRandom;

/**
 * Generates each clip as consecutive generator outputs from independent latents (WaveGAN makes
 * fixed-length clips), cut to the requested length; latents come from a seeded Java generator.
 */
final class WaveGanSampler implements Sampler {

    @Override
    public float[][] generate(Block block, ParameterStore parameters, GenerationRequest request) {
        WaveGanBlock gan = (WaveGanBlock) block;
        WaveGanArchitecture arch = gan.architecture();
        int n = arch.clipLength();
        int pieces = (request.samples() + n - 1) / n;
        int rows = request.clips() * pieces;
        SplittableRandom random = new SplittableRandom(request.seed());
        float[] z = new float[rows * arch.latent()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        NDManager owner = block.getParameters().valueAt(0).getArray().getManager();
        try (NDManager manager = owner.newSubManager()) {
            float[] audio = gan.generator()
                    .forward(parameters, new NDList(manager.create(z, new Shape(rows, arch.latent()))), false)
                    .singletonOrThrow()
                    .toFloatArray();
            float[][] clips = new float[request.clips()][request.samples()];
            for (int c = 0; c < clips.length; c++) {
                System.arraycopy(audio, c * pieces * n, clips[c], 0, request.samples());
            }
            return clips;
        }
    }
}
