package io.paretone.spaces.sing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.audio.LogPowerSpectrogram;
import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.PerClip;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.TrainingClip;
import io.paretone.spaces.training.Update;
import java.util.List;

/**
 * SING's spectral loss on the start of each note: the mean absolute difference of
 * {@code log(1 + |STFT|^2)} between the generated and the real waveform, with a Hann window of
 * four frames and a hop of one frame (SING's 1024 and 256 at hop 256). The offset of 1 in the
 * logarithm (SING's epsilon) keeps it finite and its gradient bounded for silence. The real notes'
 * spectrograms and conditioning are computed once per run, for every training clip.
 */
final class SingLoss implements Update.Loss {
    /** Clips whose spectrograms are computed at once when the table is made. */
    private static final int SPECTROGRAM_CHUNK = 64;

    private final int batchSize;
    private final PerClip conditioning;
    private final PerClip spectrograms;
    private final int window;
    private final int hop;

    SingLoss(SingArchitecture arch, int batchSize) {
        this.batchSize = batchSize;
        int samples = SingArchitecture.TRAINING_SAMPLES;
        int frames = arch.frames(samples);
        this.window = SingBlock.WINDOW_FRAMES * arch.hop();
        this.hop = arch.hop();
        this.conditioning = new PerClip(
                "sing conditioning of " + frames + " frames",
                (manager, clips) -> SingBlock.conditioning(
                        manager, clips.stream().map(TrainingClip::label).toArray(ClipLabel[]::new), frames));
        this.spectrograms = new PerClip(
                "sing log-power spectrogram of the first " + samples + " samples, window " + window + ", hop " + hop,
                (manager, clips) -> spectrogramsOf(manager, clips, samples));
    }

    @Override
    public NDArray compute(StepContext context) {
        NDArray notes = context.drawClips(batchSize);
        NDArray input = context.rows(conditioning, notes);
        NDArray generated = context.block()
                .forward(context.parameters(), new NDList(input), true)
                .singletonOrThrow();
        NDArray real = context.rows(spectrograms, notes);
        return LogPowerSpectrogram.of(generated, window, hop).sub(real).abs().mean();
    }

    /** The real notes' spectrograms, once per run: they are the same at every step. */
    private NDArray spectrogramsOf(NDManager manager, List<TrainingClip> clips, int samples) {
        NDList chunks = new NDList();
        for (int from = 0; from < clips.size(); from += SPECTROGRAM_CHUNK) {
            List<TrainingClip> chunk = clips.subList(from, Math.min(clips.size(), from + SPECTROGRAM_CHUNK));
            float[] flat = new float[chunk.size() * samples];
            for (int c = 0; c < chunk.size(); c++) {
                System.arraycopy(PerClip.opening(chunk.get(c), samples), 0, flat, c * samples, samples);
            }
            try (NDArray audio = manager.create(flat, new Shape(chunk.size(), samples))) {
                chunks.add(LogPowerSpectrogram.of(audio, window, hop));
            }
        }
        NDArray all = NDArrays.concat(chunks, 0);
        chunks.close();
        return all;
    }
}
