package io.paretone.spaces.wavegan;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.training.AdversarialRecipe;
import io.paretone.spaces.training.GanLosses;
import io.paretone.spaces.training.TrainingGenes;
import io.paretone.spaces.training.TrainingRecipe;
import java.util.function.UnaryOperator;

/**
 * A decoded WaveGAN genome.
 *
 * @param modelSize d: channels of the last generator layer and the first discriminator layer
 */
public record WaveGanArchitecture(
        Genome genome,
        boolean hinge,
        int modelSize,
        int layers,
        int stride,
        int kernelSize,
        int phaseShuffle,
        int criticUpdates,
        int latent)
        implements Architecture {
    /** Time steps after the generator's dense layer (and before the discriminator's). */
    static final int BASE_LENGTH = 16;
    /** Adam's betas for both players, as in the paper. */
    static final double BETA1 = 0.5;

    static final double BETA2 = 0.9;

    public WaveGanArchitecture {
        Check.positive(WaveGanFamily.MODEL_SIZE, modelSize);
        Check.positive(WaveGanFamily.LAYERS, layers);
        Check.atLeast(WaveGanFamily.STRIDE, stride, 2);
        Check.that(kernelSize % 2 == 1, WaveGanFamily.KERNEL_SIZE, kernelSize, "must be odd");
        Check.atLeast(WaveGanFamily.PHASE_SHUFFLE, phaseShuffle, 0);
        Check.positive(WaveGanFamily.CRITIC_UPDATES, criticUpdates);
        Check.positive(WaveGanFamily.LATENT, latent);
    }

    /** Samples of one generated clip: 16 x stride^layers. */
    public int clipLength() {
        int n = BASE_LENGTH;
        for (int i = 0; i < layers; i++) {
            n *= stride;
        }
        return n;
    }

    /** Channels entering generator layer i (i = layers is the output, one channel). */
    int generatorChannels(int i) {
        return i == layers ? 1 : modelSize << (layers - 1 - i);
    }

    @Override
    public String describe() {
        return String.format(
                "WaveGAN d=%d, %d layers of stride %d and width %d (%d samples per clip), latent %d,"
                        + " phase shuffle %d, %s with %d critic updates; %s",
                modelSize,
                layers,
                stride,
                kernelSize,
                clipLength(),
                latent,
                phaseShuffle,
                hinge ? "hinge loss" : "WGAN-GP",
                criticUpdates,
                TrainingGenes.describe(genome));
    }

    @Override
    public Block newBlock() {
        return new WaveGanBlock(this);
    }

    /** The root block is the generator: latent vectors {@code [batch, latent]}. */
    @Override
    public Shape[] inputShapes(int batchSize) {
        return new Shape[] {new Shape(batchSize, latent)};
    }

    /**
     * Per step, {@code critic_updates} discriminator updates then one generator update. A
     * discriminator update generates a batch without back-propagating into the generator, judges it
     * and a real batch, and under WGAN-GP judges the interpolates of the gradient penalty; the
     * generator update judges a fresh generated batch, back-propagating through both players.
     */
    @Override
    public TrainingRecipe trainingRecipe() {
        int batch = TrainingGenes.batchSize(genome);
        UnaryOperator<Block> generator = b -> ((WaveGanBlock) b).generator();
        UnaryOperator<Block> discriminator = b -> ((WaveGanBlock) b).discriminator();
        Shape latents = new Shape(batch, latent);
        GanLosses losses = new GanLosses(generator, discriminator, latents, c -> c.crops(batch, clipLength()), hinge);
        return new AdversarialRecipe(
                        "discriminator", generator, discriminator, latents, new Shape(batch, clipLength()), !hinge)
                .recipe(genome, BETA1, BETA2, criticUpdates, losses::discriminator, losses::generator);
    }

    @Override
    public Sampler sampler() {
        return new WaveGanSampler();
    }

    /** The generator's pass, scaled from one clip to one second (the discriminator is not used to generate). */
    @Override
    public long generationFlopsPerUnit(Block block, LayerFlops counter, int sampleRate) {
        long perClip = counter.of(((WaveGanBlock) block).generator(), new Shape(1, latent));
        return perClip * sampleRate / clipLength();
    }
}
