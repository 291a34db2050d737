package io.paretone.spaces.gansynth;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.training.ClipLabel;
import java.util.SplittableRandom;

/**
 * Generates each clip's note for its label's pitch from a seeded latent, in one generator pass
 * for all clips, and inverts the images to audio. GANSynth draws a note of fixed length: a longer
 * request is the note followed by silence, a shorter one its start. Samples outside [-1, 1] are
 * clipped, as a sound card would.
 */
final class GanSynthSampler implements Sampler {

    /** Each clip is generated for its instrument and pitch. */
    @Override
    public boolean conditional() {
        return true;
    }

    @Override
    public float[][] generate(Block block, ParameterStore parameters, GenerationRequest request) {
        GanSynthBlock gan = (GanSynthBlock) block;
        GanSynthArchitecture arch = gan.architecture();
        int clips = request.clips();
        SplittableRandom random = new SplittableRandom(request.seed());
        float[] z = new float[clips * arch.latent()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        NDManager owner = block.getParameters().valueAt(0).getArray().getManager();
        float[][] notes;
        try (NDManager manager = owner.newSubManager()) {
            ClipLabel[] labels = request.labels().toArray(new ClipLabel[0]);
            float[] images = gan.generator()
                    .forward(
                            parameters,
                            new NDList(manager.create(z, new Shape(clips, arch.latent()))
                                    .concat(Pitches.oneHot(manager, labels), 1)),
                            false)
                    .singletonOrThrow()
                    .toFloatArray();
            notes = arch.spectralImage().audio(manager, images, clips, random);
        }
        float[][] audio = new float[clips][request.samples()];
        for (int c = 0; c < clips; c++) {
            for (int t = 0; t < Math.min(request.samples(), notes[c].length); t++) {
                audio[c][t] = Math.max(-1f, Math.min(1f, notes[c][t]));
            }
        }
        return audio;
    }
}
