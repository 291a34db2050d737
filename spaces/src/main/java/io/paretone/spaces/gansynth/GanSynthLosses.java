package io.paretone.spaces.gansynth;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.runtime.DeviceConstants;
import io.paretone.spaces.training.AdversarialLosses;
import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.PerClip;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.TrainingClip;
import java.util.List;

/**
 * GANSynth's losses (its mel_prog_hires configuration): WGAN-GP with lambda 10, a drift penalty
 * 0.001 D(real)^2 keeping the critic's scores near zero, and the AC-GAN pitch classification
 * loss weighted 10 for both players, the critic on real and generated images, the generator on its
 * own. Real images are the spectrograms of note starts, computed once per run for every training
 * clip; generated ones get the pitches of the same batch, so both players see the data's pitch
 * distribution.
 */
final class GanSynthLosses {
    static final float DRIFT_WEIGHT = 0.001f;
    static final float CLASSIFICATION_WEIGHT = 10;

    /** Each clip's pitch class, one-hot {@code [clips, 61]}. */
    private static final PerClip PITCHES = new PerClip(
            "gansynth one-hot pitch",
            (manager, clips) -> Pitches.oneHot(
                    manager, clips.stream().map(TrainingClip::label).toArray(ClipLabel[]::new)));

    /** Clips whose images are computed at once when the table is made. */
    private static final int IMAGE_CHUNK = 64;

    private final GanSynthArchitecture arch;
    private final int batchSize;
    private final PerClip images;

    GanSynthLosses(GanSynthArchitecture arch, int batchSize) {
        this.arch = arch;
        SpectralImage image = arch.spectralImage();
        this.batchSize = batchSize;
        int length = arch.clipLength();
        this.images = new PerClip(
                "gansynth image of the first " + length + " samples, " + image.describe(),
                (manager, clips) -> imagesOf(manager, clips, image, length));
    }

    private NDArray fake(StepContext c, NDArray pitches) {
        GanSynthBlock gan = (GanSynthBlock) c.block();
        NDArray z = c.manager().randomNormal(new Shape(batchSize, arch.latent()));
        return c.forward(gan.generator(), z.concat(pitches, 1));
    }

    private static NDList judge(StepContext c, NDArray images) {
        GanSynthBlock gan = (GanSynthBlock) c.block();
        return gan.critic().forward(c.parameters(), new NDList(images), true);
    }

    NDArray critic(StepContext c) {
        NDArray notes = c.drawClips(batchSize);
        NDArray pitches = c.rows(PITCHES, notes);
        NDArray real = c.rows(images, notes);
        NDArray fake = fake(c, pitches).stopGradient(); // the critic's update leaves the generator alone
        NDList onReal = judge(c, real);
        NDList onFake = judge(c, fake);
        NDArray loss = AdversarialLosses.wassersteinCritic(onReal.get(0), onFake.get(0))
                .add(AdversarialLosses.gradientPenalty(c, x -> judge(c, x).get(0), real, fake))
                .add(onReal.get(0).square().mean().mul(DeviceConstants.of(real, DRIFT_WEIGHT)));
        NDArray classification = crossEntropy(onReal.get(1), pitches).add(crossEntropy(onFake.get(1), pitches));
        return loss.add(classification.mul(DeviceConstants.of(real, CLASSIFICATION_WEIGHT)));
    }

    NDArray generator(StepContext c) {
        NDArray pitches = c.rows(PITCHES, c.drawClips(batchSize));
        NDList onFake = judge(c, fake(c, pitches));
        return AdversarialLosses.generator(onFake.get(0))
                .add(crossEntropy(onFake.get(1), pitches).mul(DeviceConstants.of(pitches, CLASSIFICATION_WEIGHT)));
    }

    /** The spectral images of the clips' openings, computed in chunks so the STFT's buffers stay small. */
    private static NDArray imagesOf(NDManager manager, List<TrainingClip> clips, SpectralImage image, int length) {
        NDList chunks = new NDList();
        for (int from = 0; from < clips.size(); from += IMAGE_CHUNK) {
            List<TrainingClip> chunk = clips.subList(from, Math.min(clips.size(), from + IMAGE_CHUNK));
            float[][] audio =
                    chunk.stream().map(clip -> PerClip.opening(clip, length)).toArray(float[][]::new);
            chunks.add(image.of(manager, audio));
        }
        NDArray all = NDArrays.concat(chunks, 0);
        chunks.close();
        return all;
    }

    /** Mean cross-entropy of logits {@code [B, 61]} against one-hot classes. */
    static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
    }
}
