package io.paretone.spaces.gansynth;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.training.ClipLabel;

/**
 * GANSynth's pitch conditioning: the 61 MIDI pitches of NSynth's range 24 to 84 as classes;
 * pitches outside it take the nearest end.
 */
final class Pitches {
    static final int LOWEST = 24;
    static final int COUNT = 61;

    private Pitches() {}

    static int classOf(ClipLabel label) {
        return Math.max(0, Math.min(COUNT - 1, label.pitch() - LOWEST));
    }

    /** One-hot pitch classes {@code [B, 61]}. */
    static NDArray oneHot(NDManager manager, ClipLabel[] labels) {
        float[] x = new float[labels.length * COUNT];
        for (int b = 0; b < labels.length; b++) {
            x[b * COUNT + classOf(labels[b])] = 1;
        }
        return manager.create(x, new Shape(labels.length, COUNT));
    }
}
