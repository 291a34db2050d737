package io.paretone.spaces.pixelcnn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.image.ImageFormat;
import io.paretone.spaces.training.TrainingGenes;
import io.paretone.spaces.training.TrainingRecipe;

/** A decoded PixelCNN genome for grayscale images of one format. */
public record PixelCnnArchitecture(
        Genome genome, ImageFormat format, int layers, int channels, int firstKernel, int levels)
        implements Architecture {
    public PixelCnnArchitecture {
        Check.that(
                format.channels() == 1,
                "image channels",
                format.channels(),
                "the PixelCNN family models grayscale images only: use 1 channel");
        Check.positive(PixelCnnFamily.LAYERS, layers);
        Check.positive(PixelCnnFamily.CHANNELS, channels);
        Check.atLeast(PixelCnnFamily.LEVELS, levels, 2);
    }

    @Override
    public String describe() {
        return String.format(
                "PixelCNN %s, %d-pixel mask-A then %d mask-B layers of %d channels, %d levels; %s",
                format, firstKernel, layers, channels, levels, TrainingGenes.describe(genome));
    }

    @Override
    public Block newBlock() {
        return new PixelCnnBlock(this);
    }

    /** The root block's input is a batch of images; its output the levels' logits per pixel. */
    @Override
    public Shape[] inputShapes(int batchSize) {
        return new Shape[] {format.batch(batchSize)};
    }

    @Override
    public TrainingRecipe trainingRecipe() {
        return TrainingRecipe.singleLoss(
                TrainingGenes.steps(genome),
                TrainingGenes.learningRate(genome),
                "negative log-likelihood",
                inputShapes(TrainingGenes.batchSize(genome)),
                new PixelCnnLoss(this, TrainingGenes.batchSize(genome)));
    }

    @Override
    public Sampler sampler() {
        return new PixelCnnSampler();
    }

    /** The value of level {@code l} of {@link #levels}, evenly spaced over [-1, 1]. */
    float value(int level) {
        return -1f + 2f * level / (levels - 1);
    }

    /** The nearest level of a value in [-1, 1]. */
    int level(float value) {
        return Math.max(0, Math.min(levels - 1, Math.round((value + 1f) / 2f * (levels - 1))));
    }

    /**
     * Sampling runs one full pass per pixel (no caching of earlier rows), so one image costs its
     * pixel count times one pass, scaled to the images per "second" (one image's values per second).
     */
    @Override
    public long generationFlopsPerUnit(Block block, LayerFlops counter, int rate) {
        long perImage = counter.of(block, format.batch(1)) * format.height() * format.width();
        return perImage * rate / format.values();
    }
}
