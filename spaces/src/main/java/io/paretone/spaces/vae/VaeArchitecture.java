package io.paretone.spaces.vae;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.training.TrainingGenes;
import io.paretone.spaces.training.TrainingRecipe;

/** A decoded VAE genome. */
public record VaeArchitecture(
        Genome genome,
        boolean logMelReconstruction,
        int layers,
        int channels,
        int kernelSize,
        int latent,
        double klWeight)
        implements Architecture {
    /** Samples per training crop, at least; rounded to whole latent steps. */
    static final int CROP = 2048;

    public VaeArchitecture {
        Check.positive(VaeFamily.LAYERS, layers);
        Check.positive(VaeFamily.CHANNELS, channels);
        Check.that(kernelSize % 2 == 1, VaeFamily.KERNEL_SIZE, kernelSize, "must be odd");
        Check.positive(VaeFamily.LATENT, latent);
        Check.positive(VaeFamily.KL_WEIGHT, klWeight);
    }

    /** Samples per latent step. */
    public int hop() {
        return 1 << layers;
    }

    public int cropLength() {
        return Math.max(CROP, 8 * hop());
    }

    @Override
    public String describe() {
        return String.format(
                "VAE %d layers (latent every %d samples), %d channels, kernel %d, latent %d,"
                        + " %s reconstruction, KL weight %s; %s",
                layers,
                hop(),
                channels,
                kernelSize,
                latent,
                logMelReconstruction ? "log-mel" : "waveform",
                genome.text(VaeFamily.KL_WEIGHT),
                TrainingGenes.describe(genome));
    }

    @Override
    public Block newBlock() {
        return new VaeBlock(this);
    }

    /** The root block's input is a latent sequence {@code [batch, latent, crop / hop]}. */
    @Override
    public Shape[] inputShapes(int batchSize) {
        return new Shape[] {new Shape(batchSize, latent, cropLength() / hop())};
    }

    @Override
    public TrainingRecipe trainingRecipe() {
        return TrainingRecipe.singleLoss(
                TrainingGenes.steps(genome),
                TrainingGenes.learningRate(genome),
                "negative ELBO",
                inputShapes(TrainingGenes.batchSize(genome)),
                new VaeLoss(this, TrainingGenes.batchSize(genome)));
    }

    @Override
    public Sampler sampler() {
        return new VaeSampler();
    }

    /** The decoder on one second's latents, rounded up to whole latent steps. */
    @Override
    public long generationFlopsPerUnit(Block block, LayerFlops counter, int sampleRate) {
        long steps = (sampleRate + hop() - 1) / hop();
        return counter.of(((VaeBlock) block).decoder(), new Shape(1, latent, steps));
    }
}
