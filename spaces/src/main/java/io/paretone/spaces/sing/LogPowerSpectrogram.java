package io.paretone.spaces.sing;

import ai.djl.ndarray.NDArray;

/** {@code log(1 + |STFT|^2)} of waveforms {@code [B, L]}, Hann-windowed, differentiable through DJL's STFT. */
final class LogPowerSpectrogram {
    private LogPowerSpectrogram() {}

    static NDArray of(NDArray audio, int window, int hop) {
        float[] hann = new float[window];
        for (int i = 0; i < window; i++) {
            hann[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / window));
        }
        // A complex STFT viewed as real pairs: [B, F, T, 2] (the real-output STFT is deprecated in PyTorch).
        NDArray spectrum = audio.stft(window, hop, true, audio.getManager().create(hann), true).real();
        return spectrum.square().sum(new int[] {3}).add(1).log();
    }
}
