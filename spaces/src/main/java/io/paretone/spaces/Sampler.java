package io.paretone.spaces;

import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.training.ClipLabel;
import java.util.List;

/** Generates examples (clips of audio, images) from a trained block, as flat arrays of values. */
public interface Sampler {
    /**
     * Generates {@code request.clips()} clips of {@code request.samples()} samples in [-1, 1]. The
     * same seed gives the same clips for the same weights.
     */
    float[][] generate(Block block, ParameterStore parameters, GenerationRequest request);

    /**
     * Whether each clip is generated for its {@link GenerationRequest#labels() label}, so the
     * quality proxy can check the label was heard (label accuracy) rather than judge the audio alone.
     */
    default boolean conditional() {
        return false;
    }

    /**
     * What to generate.
     *
     * @param labels one label per clip, drawn from the training data; conditional families
     *     (SING, GANSynth) generate each clip for its label, the others ignore them
     */
    record GenerationRequest(int clips, int samples, long seed, List<ClipLabel> labels) {
        public GenerationRequest {
            Check.positive("clips", clips);
            Check.positive("samples", samples);
            labels = List.copyOf(labels);
            Check.that(labels.size() == clips, "labels", labels.size(), "give one label per clip (" + clips + ")");
        }
    }
}
