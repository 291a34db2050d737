package io.paretone.spaces.pixelcnn;

import io.paretone.spaces.Architecture;
import io.paretone.spaces.BaseModelFamily;
import io.paretone.spaces.Domain;
import io.paretone.spaces.PublishedConfiguration;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import io.paretone.spaces.image.ImageFormat;
import io.paretone.spaces.training.TrainingGenes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small PixelCNN (van den Oord et al. 2016) for grayscale images: a mask-A k x k convolution,
 * residual-free stacks of mask-B 3 x 3 convolutions with ReLU, and two 1 x 1 convolutions to a
 * softmax over the pixel's quantisation levels. Trained by maximum likelihood (per-pixel
 * cross-entropy); generates pixel by pixel in raster order, one full pass per pixel.
 */
public final class PixelCnnFamily extends BaseModelFamily {
    public static final String NAME = "pixelcnn";

    public static final String LAYERS = "layers";
    public static final String CHANNELS = "channels";
    public static final String FIRST_KERNEL = "first_kernel";
    public static final String LEVELS = "levels";

    private static final SearchSpace SPACE = new SearchSpace(NAME, genes());

    private final ImageFormat format;

    public PixelCnnFamily(ImageFormat format) {
        super(
                NAME,
                Domain.IMAGE,
                "autoregressive: PixelCNN with masked convolutions and a softmax per pixel; generates pixel by"
                        + " pixel, one pass per pixel",
                SPACE);
        this.format = format;
    }

    private static List<Gene> genes() {
        List<Gene> genes = new ArrayList<>(List.of(
                Gene.ofInts(LAYERS, "mask-B 3 x 3 convolution layers after the first", 1, 2, 3, 4, 6, 8, 12, 15),
                Gene.ofInts(CHANNELS, "channels of every masked layer", 4, 8, 16, 32, 64, 128),
                Gene.ofInts(FIRST_KERNEL, "size of the first (mask-A) convolution", 3, 5, 7),
                Gene.ofInts(LEVELS, "quantisation levels per pixel (softmax classes)", 2, 4, 8, 16, 256)));
        genes.addAll(TrainingGenes.genes());
        return genes;
    }

    @Override
    protected Architecture decodeOwn(Genome genome) {
        return new PixelCnnArchitecture(
                genome,
                format,
                genome.integer(LAYERS),
                genome.integer(CHANNELS),
                genome.integer(FIRST_KERNEL),
                genome.integer(LEVELS));
    }

    @Override
    public PublishedConfiguration published() {
        return new PublishedConfiguration(
                "PixelCNN (van den Oord et al.), 15 layers",
                SPACE.parse("layers=15 channels=128 first_kernel=7 levels=256 training_steps=2560 batch_size=16"
                        + " learning_rate=1e-3"),
                Optional.empty(),
                false,
                "van den Oord, Kalchbrenner and Kavukcuoglu, Pixel Recurrent Neural Networks, ICML 2016",
                "the paper's PixelCNN has 15 layers, a 7 x 7 mask-A first layer, 3 x 3 masked layers and a 256-way"
                        + " softmax but no parameter count; its residual connections are left out here");
    }
}
