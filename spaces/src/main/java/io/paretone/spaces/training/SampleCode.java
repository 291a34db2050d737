package io.paretone.spaces.training;

import io.paretone.spaces.audio.MuLaw;

/**
 * A function of one sample that a family's batches need instead of the sample itself (mu-law
 * classes, quantisation levels). {@link DeviceClips} applies it once to the whole training data on
 * the host and keeps the result on the device under {@link #key}, so a batch of codes is a gather
 * like a batch of samples.
 *
 * @param key names the code among a run's codes: two codes with one key must be the same function
 * @param function the code of a sample; its values must be exact in float32 (integers below 2^24)
 */
public record SampleCode(String key, Function function) {
    /** A sample's mu-law class in [0, 255] ({@link MuLaw#encode}). */
    public static final SampleCode MU_LAW_CLASSES = new SampleCode("mu-law classes", x -> MuLaw.encode(x));

    /** A sample as mu-law generation reproduces it: {@link MuLaw#decode} of its class. */
    public static final SampleCode MU_LAW_DECODED =
            new SampleCode("mu-law decoded", x -> MuLaw.decode(MuLaw.encode(x)));

    /** A sample's code. */
    @FunctionalInterface
    public interface Function {
        float of(float sample);
    }

    public float of(float sample) {
        return function.of(sample);
    }
}
