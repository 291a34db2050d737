package io.paretone.spaces.samplernn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.audio.Categorical;
import io.paretone.spaces.audio.MuLaw;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Ancestral sampling, one sample at a time for all clips of a call in one batch, from a top frame
 * of silence; the recurrent states are carried, never recomputed. Draws from the softmax use a
 * seeded generator, so clips are reproducible.
 */
final class SampleRnnSampler implements Sampler {

    @Override
    public float[][] generate(Block block, ParameterStore parameters, GenerationRequest request) {
        SampleRnnBlock net = (SampleRnnBlock) block;
        SampleRnnArchitecture arch = ((SampleRnnBlock) block).architecture();
        int count = request.clips();
        int samples = request.samples();
        int top = arch.topFrame();
        SplittableRandom random = new SplittableRandom(request.seed());
        long[][] classes = new long[count][top + samples];
        float[][] values = new float[count][top + samples];
        int silence = MuLaw.encode(0f);
        for (int c = 0; c < count; c++) {
            Arrays.fill(classes[c], 0, top, silence);
            Arrays.fill(values[c], 0, top, MuLaw.decode(silence));
        }
        float[][] audio = new float[count][samples];
        NDManager owner = block.getParameters().valueAt(0).getArray().getManager();
        try (NDManager manager = owner.newSubManager()) {
            SampleRnnBlock.GenerationState state = net.newGenerationState(manager, count);
            for (int t = 0; t < samples; t++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    float[] p = state.step(parameters, t, classes, values).softmax(1).toFloatArray();
                    for (int c = 0; c < count; c++) {
                        int cls = Categorical.draw(p, c, MuLaw.CLASSES, random.nextDouble());
                        classes[c][top + t] = cls;
                        values[c][top + t] = MuLaw.decode(cls);
                        audio[c][t] = values[c][top + t];
                    }
                }
            }
            state.close();
        }
        return audio;
    }
}
