package io.paretone.spaces.sing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.paretone.spaces.audio.LogPowerSpectrogram;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.TrainingData;
import io.paretone.spaces.training.Update;

/**
 * SING's spectral loss on the start of each note: the mean absolute difference of
 * {@code log(1 + |STFT|^2)} between the generated and the real waveform, with a Hann window of
 * four frames and a hop of one frame (SING's 1024 and 256 at hop 256). The offset of 1 in the
 * logarithm (SING's epsilon) keeps it finite and its gradient bounded for silence.
 */
final class SingLoss implements Update.Loss {
    private final SingArchitecture arch;
    private final int batchSize;

    SingLoss(SingArchitecture arch, int batchSize) {
        this.arch = arch;
        this.batchSize = batchSize;
    }

    @Override
    public NDArray compute(StepContext context) {
        int samples = SingArchitecture.TRAINING_SAMPLES;
        TrainingData.Crops notes = context.data().openings(batchSize, samples, context.random());
        NDArray input = SingBlock.conditioning(context.manager(), notes.labels(), arch.frames(samples));
        NDArray generated = context.block().forward(context.parameters(), new NDList(input), true).singletonOrThrow();
        int window = SingBlock.WINDOW_FRAMES * arch.hop();
        NDArray real = LogPowerSpectrogram.of(notes.array(context.manager()), window, arch.hop());
        return LogPowerSpectrogram.of(generated, window, arch.hop()).sub(real).abs().mean();
    }
}
