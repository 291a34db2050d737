package io.paretone.spaces.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.runtime.DjlRuntime;

/**
 * The sampling loop of the autoregressive mu-law families (WaveNet, SampleRNN), kept on the
 * device: all clips of a call advance together as one batch, each class is drawn there by
 * {@link Categorical#drawOnDevice} and handed to the next step as a device array, and the classes
 * come back to the host once, at the end. A GPU therefore never waits for the host inside the loop.
 *
 * <p>Each step's uniforms come from the engine's generator, seeded with the request's seed, so the
 * same seed and weights give the same clips on the same device.
 */
public final class AncestralSampling {
    private AncestralSampling() {}

    /** One step of a network that predicts the next sample. */
    @FunctionalInterface
    public interface Step {
        /**
         * Logits {@code [clips, 256]} of sample {@code t}. Arrays made here belong to the caller's
         * per-step NDScope, except what the network's own state keeps.
         *
         * @param previous the classes of sample {@code t - 1}, {@code [clips, 1]} int64 on the device;
         *     mu-law silence at {@code t = 0}
         */
        NDArray logits(int t, NDArray previous);
    }

    /**
     * Generates {@code samples} samples for each of {@code clips} clips, decoded from mu-law to
     * [-1, 1].
     *
     * @param manager a manager on the network's device; the arrays of the loop are made in it
     */
    public static float[][] generate(NDManager manager, int clips, int samples, long seed, Step step) {
        DjlRuntime.engine().setRandomSeed((int) seed);
        NDArray silence = manager.full(new Shape(clips, 1), MuLaw.encode(0f), DataType.INT64);
        NDArray previous = silence;
        NDList drawn = new NDList(samples);
        for (int t = 0; t < samples; t++) {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray u = manager.randomUniform(0, 1, new Shape(clips, 1));
                previous = Categorical.drawOnDevice(step.logits(t, previous), u);
                NDScope.unregister(previous);
                drawn.add(previous);
            }
        }
        long[] classes;
        try (NDArray all = NDArrays.concat(drawn, 1)) {
            classes = all.toLongArray(); // [clips, samples], the one copy to the host
        } finally {
            drawn.close();
            silence.close();
        }
        float[][] audio = new float[clips][samples];
        for (int c = 0; c < clips; c++) {
            for (int t = 0; t < samples; t++) {
                audio[c][t] = MuLaw.decode((int) classes[c * samples + t]);
            }
        }
        return audio;
    }
}
