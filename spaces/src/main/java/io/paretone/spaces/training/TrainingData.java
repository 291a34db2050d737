package io.paretone.spaces.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.check.Check;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training split as every family receives it: clips with their labels, the sample rate and
 * how many instrument classes there are.
 */
public record TrainingData(int sampleRate, List<TrainingClip> clips, int instruments) {
    public TrainingData {
        Check.positive("sample rate", sampleRate);
        clips = List.copyOf(clips);
        Check.that(!clips.isEmpty(), "training clips", 0, "the training split needs at least one clip");
        Check.positive("instruments", instruments);
        for (TrainingClip c : clips) {
            Check.that(
                    c.label().instrument() < instruments,
                    "instrument",
                    c.label().instrument(),
                    "must be below the instrument count " + instruments);
        }
    }

    /**
     * {@code batchSize} crops of {@code length} samples, each from a clip drawn uniformly at a
     * uniformly drawn start; clips shorter than a crop are padded with silence.
     */
    public Crops crops(int batchSize, int length, SplittableRandom random) {
        return crops(batchSize, length, random, true);
    }

    /**
     * {@code batchSize} crops of {@code length} samples, each the start of a clip drawn uniformly,
     * for families that model a note from its onset (SING, GANSynth); clips shorter than a crop
     * are padded with silence.
     */
    public Crops openings(int batchSize, int length, SplittableRandom random) {
        return crops(batchSize, length, random, false);
    }

    private Crops crops(int batchSize, int length, SplittableRandom random, boolean anywhere) {
        float[][] audio = new float[batchSize][length];
        ClipLabel[] labels = new ClipLabel[batchSize];
        for (int b = 0; b < batchSize; b++) {
            TrainingClip clip = clips.get(random.nextInt(clips.size()));
            float[] x = clip.samples();
            int start = anywhere && x.length > length ? random.nextInt(x.length - length + 1) : 0;
            System.arraycopy(x, start, audio[b], 0, Math.min(length, x.length - start));
            labels[b] = clip.label();
        }
        return new Crops(audio, labels);
    }

    /** A batch of crops and the labels of the clips they come from. */
    public record Crops(float[][] audio, ClipLabel[] labels) {
        public int batchSize() {
            return audio.length;
        }

        public int length() {
            return audio[0].length;
        }

        /** The audio as a {@code [batch, length]} float array. */
        public NDArray array(NDManager manager) {
            float[] flat = new float[batchSize() * length()];
            for (int b = 0; b < batchSize(); b++) {
                System.arraycopy(audio[b], 0, flat, b * length(), length());
            }
            return manager.create(flat, new Shape(batchSize(), length()));
        }
    }
}
