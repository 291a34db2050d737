package io.paretone.spaces.sing;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.training.ClipLabel;

/**
 * One parallel pass per request: each clip is the note of its label from its onset. SING is
 * deterministic given its labels, so the seed is not used. Samples outside [-1, 1] are clipped, as
 * a sound card would.
 */
final class SingSampler implements Sampler {

    /** Each clip is generated for its instrument and pitch. */
    @Override
    public boolean conditional() {
        return true;
    }

    @Override
    public float[][] generate(Block block, ParameterStore parameters, GenerationRequest request) {
        SingBlock sing = (SingBlock) block;
        int frames = sing.architecture().frames(request.samples());
        int length = frames * sing.architecture().hop();
        float[][] audio = new float[request.clips()][request.samples()];
        NDManager owner = block.getParameters().valueAt(0).getArray().getManager();
        try (NDManager manager = owner.newSubManager()) {
            ClipLabel[] labels = request.labels().toArray(new ClipLabel[0]);
            float[] out = block.forward(parameters, new NDList(SingBlock.conditioning(manager, labels, frames)), false)
                    .singletonOrThrow()
                    .toFloatArray();
            for (int c = 0; c < audio.length; c++) {
                for (int t = 0; t < request.samples(); t++) {
                    audio[c][t] = Math.max(-1f, Math.min(1f, out[c * length + t]));
                }
            }
        }
        return audio;
    }
}
