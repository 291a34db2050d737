package io.paretone.spaces.gansynth;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.runtime.DeviceConstants;
import io.paretone.spaces.training.AdversarialLosses;
import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.TrainingData;
import java.util.List;

/**
 * GANSynth's losses (its mel_prog_hires configuration): WGAN-GP with lambda 10, a drift penalty
 * 0.001 D(real)^2 keeping the critic's scores near zero, and the AC-GAN pitch classification
 * loss weighted 10 for both players, the critic on real and generated images, the generator on its
 * own. Real images are the spectrograms of note starts; generated ones get the pitches of the
 * same batch, so both players see the data's pitch distribution.
 */
final class GanSynthLosses {
    static final float DRIFT_WEIGHT = 0.001f;
    static final float CLASSIFICATION_WEIGHT = 10;

    private final GanSynthArchitecture arch;
    private final SpectralImage image;
    private final int batchSize;

    GanSynthLosses(GanSynthArchitecture arch, int batchSize) {
        this.arch = arch;
        this.image = arch.spectralImage();
        this.batchSize = batchSize;
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
        TrainingData.Crops notes = c.data().openings(batchSize, arch.clipLength(), c.random());
        NDArray pitches = Pitches.oneHot(c.manager(), notes.labels());
        NDArray real = image.of(c.manager(), notes.audio());
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
        List<ClipLabel> labels = c.data().clips().stream().map(clip -> clip.label()).toList();
        ClipLabel[] drawn = new ClipLabel[batchSize];
        for (int b = 0; b < batchSize; b++) {
            drawn[b] = labels.get(c.random().nextInt(labels.size()));
        }
        NDArray pitches = Pitches.oneHot(c.manager(), drawn);
        NDList onFake = judge(c, fake(c, pitches));
        return AdversarialLosses.generator(onFake.get(0))
                .add(crossEntropy(onFake.get(1), pitches).mul(DeviceConstants.of(pitches, CLASSIFICATION_WEIGHT)));
    }

    /** Mean cross-entropy of logits {@code [B, 61]} against one-hot classes. */
    static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
    }
}
