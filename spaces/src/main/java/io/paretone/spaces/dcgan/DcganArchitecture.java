package io.paretone.spaces.dcgan;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.image.ImageFormat;
import io.paretone.spaces.image.ImageSampling;
import io.paretone.spaces.training.AdversarialRecipe;
import io.paretone.spaces.training.GanLosses;
import io.paretone.spaces.training.TrainingGenes;
import io.paretone.spaces.training.TrainingRecipe;
import java.util.function.UnaryOperator;

/** A decoded DCGAN genome for images of one format. */
public record DcganArchitecture(
        Genome genome,
        ImageFormat format,
        int latent,
        int generatorChannels,
        int discriminatorChannels,
        int kernelSize,
        boolean hinge,
        int criticUpdates)
        implements Architecture {
    static final double BETA1 = 0.5;
    static final double BETA2 = 0.9;

    public DcganArchitecture {
        Check.that(
                format.height() % 4 == 0 && format.width() % 4 == 0,
                "image size",
                format,
                "the generator upsamples twice by 2: use a height and width divisible by 4");
        Check.positive(DcganFamily.LATENT, latent);
        Check.that(generatorChannels >= 4, DcganFamily.GENERATOR_CHANNELS, generatorChannels, "use at least 4");
        Check.positive(DcganFamily.CRITIC_UPDATES, criticUpdates);
    }

    @Override
    public String describe() {
        return String.format(
                "DCGAN %s, latent %d, generator %d-%d channels, discriminator %d-%d channels, kernel %d,"
                        + " %s loss, %d critic updates; %s",
                format,
                latent,
                generatorChannels,
                generatorChannels / 2,
                discriminatorChannels,
                2 * discriminatorChannels,
                kernelSize,
                hinge ? "hinge" : "WGAN-GP",
                criticUpdates,
                TrainingGenes.describe(genome));
    }

    @Override
    public Block newBlock() {
        return new DcganBlock(this);
    }

    /** The root block's input is a batch of latents. */
    @Override
    public Shape[] inputShapes(int batchSize) {
        return new Shape[] {new Shape(batchSize, latent)};
    }

    /**
     * Per step, {@code critic_updates} discriminator updates then one generator update, passes as
     * in WaveGAN: a detached generated batch, real and generated batches judged, the gradient
     * penalty's interpolates under WGAN-GP; the generator update back-propagates through both.
     */
    @Override
    public TrainingRecipe trainingRecipe() {
        int batch = TrainingGenes.batchSize(genome);
        UnaryOperator<Block> generator = b -> ((DcganBlock) b).generator();
        UnaryOperator<Block> discriminator = b -> ((DcganBlock) b).discriminator();
        Shape latents = new Shape(batch, latent);
        GanLosses losses = new GanLosses(
                generator,
                discriminator,
                latents,
                c -> c.crops(batch, format.values()).reshape(format.batch(batch)),
                hinge);
        return new AdversarialRecipe("discriminator", generator, discriminator, latents, format.batch(batch), !hinge)
                .recipe(genome, BETA1, BETA2, criticUpdates, losses::discriminator, losses::generator);
    }

    @Override
    public Sampler sampler() {
        return (block, parameters, request) ->
                ImageSampling.fromPrior(((DcganBlock) block).generator(), latent, format, parameters, request);
    }

    /**
     * The generator's pass for one image, times the images in a "second": image data runs at one
     * image's values per second, so this is FLOPs per image when {@code rate} is the image size.
     */
    @Override
    public long generationFlopsPerUnit(Block block, LayerFlops counter, int rate) {
        long perImage = counter.of(((DcganBlock) block).generator(), new Shape(1, latent));
        return perImage * rate / format.values();
    }
}
