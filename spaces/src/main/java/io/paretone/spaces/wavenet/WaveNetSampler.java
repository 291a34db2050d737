package io.paretone.spaces.wavenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.audio.Categorical;
import io.paretone.spaces.audio.MuLaw;
import java.util.SplittableRandom;

/**
 * Ancestral sampling, one sample at a time, all clips of a call in one batch. Each step costs one
 * output position per layer thanks to the cached windows of {@link WaveNetBlock.GenerationState}.
 * Sampling from the softmax happens in Java with a seeded generator, so clips are reproducible.
 */
final class WaveNetSampler implements Sampler {

    @Override
    public float[][] generate(Block block, ParameterStore parameters, GenerationRequest request) {
        WaveNetBlock net = (WaveNetBlock) block;
        int count = request.clips();
        int samples = request.samples();
        SplittableRandom random = new SplittableRandom(request.seed());
        float[][] audio = new float[count][samples];
        NDManager owner = block.getParameters().valueAt(0).getArray().getManager();
        try (NDManager manager = owner.newSubManager()) {
            WaveNetBlock.GenerationState state = net.newGenerationState(manager, count);
            long[] current = new long[count];
            java.util.Arrays.fill(current, MuLaw.encode(0f));
            for (int t = 0; t < samples; t++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray in = manager.create(current, new Shape(count, 1));
                    float[] p = state.step(parameters, in).softmax(1).toFloatArray();
                    for (int c = 0; c < count; c++) {
                        int cls = Categorical.draw(p, c, MuLaw.CLASSES, random.nextDouble());
                        current[c] = cls;
                        audio[c][t] = MuLaw.decode(cls);
                    }
                }
            }
            state.close();
        }
        return audio;
    }

}
