package io.paretone.spaces.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Sampler;
import java.util.SplittableRandom;

/**
 * Draws Gaussian noise (seeded, at FloWaveNet's sampling temperature 0.8) and inverts the flow in
 * one parallel pass for all clips; lengths are rounded up to whole squeezed steps and cut back.
 * Samples outside [-1, 1] are clipped, as a sound card would.
 */
final class FlowSampler implements Sampler {
    static final double TEMPERATURE = 0.8;

    @Override
    public float[][] generate(Block block, ParameterStore parameters, GenerationRequest request) {
        FlowBlock flow = (FlowBlock) block;
        int unit = flow.architecture().squeezeFactor();
        int clips = request.clips();
        int steps = (request.samples() + unit - 1) / unit;
        SplittableRandom random = new SplittableRandom(request.seed());
        float[] noise = new float[clips * unit * steps];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * TEMPERATURE);
        }
        float[][] audio = new float[clips][request.samples()];
        NDManager owner = block.getParameters().valueAt(0).getArray().getManager();
        try (NDManager manager = owner.newSubManager()) {
            NDArray z = manager.create(noise, new Shape(clips, unit, steps));
            float[] x = flow.inverse(parameters, z).toFloatArray();
            int length = unit * steps;
            for (int c = 0; c < clips; c++) {
                for (int t = 0; t < request.samples(); t++) {
                    audio[c][t] = Math.max(-1f, Math.min(1f, x[c * length + t]));
                }
            }
        }
        return audio;
    }
}
