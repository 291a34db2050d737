package io.paretone.spaces.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Something a family needs of each training clip, the same at every step (a note's conditioning,
 * the spectrogram of its opening): {@link DeviceClips} computes it once for all clips, keeps it on
 * the device under {@link #key} and gathers a batch's rows from it, so no step computes or copies it
 * again.
 *
 * @param key names the table among a run's tables: two tables with one key must be the same
 * @param table row c for clip c: {@code [clips, ...]}, made in the given manager
 */
public record PerClip(String key, Table table) {
    /** Computes the whole table. */
    @FunctionalInterface
    public interface Table {
        NDArray of(NDManager manager, List<TrainingClip> clips);
    }

    /** The first {@code length} samples of a clip, silence past its end, as {@link TrainingData#openings} cuts them. */
    public static float[] opening(TrainingClip clip, int length) {
        float[] x = new float[length];
        System.arraycopy(clip.samples(), 0, x, 0, Math.min(length, clip.samples().length));
        return x;
    }
}
