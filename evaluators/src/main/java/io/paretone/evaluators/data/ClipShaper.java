package io.paretone.evaluators.data;

import io.paretone.evaluators.audio.Resampler;
import java.util.Arrays;

/** Brings decoded audio to a dataset's format: its sample rate, then its clip length. */
final class ClipShaper {
    private final int sampleRate;
    private final int clipFrames;

    ClipShaper(int sampleRate, int clipFrames) {
        this.sampleRate = sampleRate;
        this.clipFrames = clipFrames;
    }

    /** Resampled from {@code rate} to the dataset's rate, then cut after the clip length or zero-padded to it. */
    float[] shape(float[] samples, int rate) {
        return Arrays.copyOf(Resampler.resample(samples, rate, sampleRate), clipFrames);
    }
}
