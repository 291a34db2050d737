package io.paretone.spaces.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.runtime.DeviceConstants;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code log(1 + |STFT|^2)} of waveforms {@code [B, L]}: Hann-windowed, centred, differentiable
 * through DJL's STFT, for spectral losses such as SING's. The offset 1 keeps the logarithm finite
 * and its gradient bounded for silence. Output {@code [B, window / 2 + 1, L / hop + 1]}.
 */
public final class LogPowerSpectrogram {
    /** Hann windows by size, computed once: a loss calls this every step. */
    private static final Map<Integer, float[]> WINDOWS = new ConcurrentHashMap<>();

    private LogPowerSpectrogram() {}

    public static NDArray of(NDArray audio, int window, int hop) {
        NDArray hann =
                DeviceConstants.of(audio.getDevice(), WINDOWS.computeIfAbsent(window, LogMel::hann), new Shape(window));
        // A complex STFT viewed as real pairs, [B, F, T, 2] (the real-output STFT is deprecated in PyTorch).
        NDArray spectrum = audio.stft(window, hop, true, hann, true).real();
        return spectrum.square()
                .sum(new int[] {3})
                .add(DeviceConstants.of(spectrum, 1f))
                .log();
    }
}
