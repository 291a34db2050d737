package io.paretone.spaces.convvae;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.image.ImageFormat;
import io.paretone.spaces.image.ImageSampling;
import io.paretone.spaces.training.TrainingGenes;
import io.paretone.spaces.training.TrainingRecipe;

/** A decoded convolutional VAE genome for images of one format. */
public record ConvVaeArchitecture(
        Genome genome, ImageFormat format, int channels, int kernelSize, int latent, double klWeight)
        implements Architecture {
    public ConvVaeArchitecture {
        Check.that(
                format.height() % 4 == 0 && format.width() % 4 == 0,
                "image size",
                format,
                "the VAE halves the image twice: use a height and width divisible by 4");
        Check.positive(ConvVaeFamily.CHANNELS, channels);
        Check.positive(ConvVaeFamily.LATENT, latent);
        Check.positive(ConvVaeFamily.KL_WEIGHT, klWeight);
    }

    @Override
    public String describe() {
        return String.format(
                "ConvVAE %s, %d-%d channels, kernel %d, latent %d, KL weight %s; %s",
                format,
                channels,
                2 * channels,
                kernelSize,
                latent,
                genome.text(ConvVaeFamily.KL_WEIGHT),
                TrainingGenes.describe(genome));
    }

    @Override
    public Block newBlock() {
        return new ConvVaeBlock(this);
    }

    /** The root block's input is a batch of latents. */
    @Override
    public Shape[] inputShapes(int batchSize) {
        return new Shape[] {new Shape(batchSize, latent)};
    }

    @Override
    public TrainingRecipe trainingRecipe() {
        return TrainingRecipe.singleLoss(
                TrainingGenes.steps(genome),
                TrainingGenes.learningRate(genome),
                "negative ELBO",
                inputShapes(TrainingGenes.batchSize(genome)),
                new ConvVaeLoss(this, TrainingGenes.batchSize(genome)));
    }

    @Override
    public Sampler sampler() {
        return (block, parameters, request) ->
                ImageSampling.fromPrior(((ConvVaeBlock) block).decoder(), latent, format, parameters, request);
    }

    /** The decoder's pass per image, times the images per "second" (one image's values per second). */
    @Override
    public long generationFlopsPerUnit(Block block, LayerFlops counter, int rate) {
        return counter.of(((ConvVaeBlock) block).decoder(), new Shape(1, latent)) * rate / format.values();
    }
}
