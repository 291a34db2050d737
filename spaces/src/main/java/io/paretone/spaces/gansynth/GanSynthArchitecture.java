package io.paretone.spaces.gansynth;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.training.AdversarialRecipe;
import io.paretone.spaces.training.TrainingGenes;
import io.paretone.spaces.training.TrainingRecipe;

/**
 * A decoded GANSynth genome. The final image has {@code startFrames 2^(resolutions-1)} frames and
 * {@code startBins 2^(resolutions-1)} bins; the FFT size is twice the bins (the Nyquist bin is
 * dropped, as in GANSynth) and the hop a quarter of it, so a clip lasts frames x hop samples.
 *
 * @param instantaneousFrequency the generator draws a phase channel, else Griffin-Lim finds one
 */
public record GanSynthArchitecture(
        Genome genome,
        int resolutions,
        int startFrames,
        int startBins,
        int channels,
        int latent,
        boolean instantaneousFrequency,
        int criticUpdates)
        implements Architecture {
    /** Adam's betas for both players, as in GANSynth (progressive GAN's 0 and 0.99). */
    static final double BETA1 = 0.0;

    static final double BETA2 = 0.99;

    public GanSynthArchitecture {
        Check.atLeast(GanSynthFamily.RESOLUTIONS, resolutions, 1);
        Check.positive(GanSynthFamily.START_FRAMES, startFrames);
        Check.that(startBins >= 2, GanSynthFamily.START_BINS, startBins, "needs at least 2 bins");
        Check.positive(GanSynthFamily.CHANNELS, channels);
        Check.positive(GanSynthFamily.LATENT, latent);
        Check.positive(GanSynthFamily.CRITIC_UPDATES, criticUpdates);
    }

    public int frames() {
        return startFrames << (resolutions - 1);
    }

    public int bins() {
        return startBins << (resolutions - 1);
    }

    public int fftSize() {
        return 2 * bins();
    }

    public int hop() {
        return fftSize() / 4;
    }

    /** Samples of one generated note. */
    public int clipLength() {
        return frames() * hop();
    }

    /** Image channels: log-magnitude, and instantaneous frequency when drawn. */
    public int imageChannels() {
        return instantaneousFrequency ? 2 : 1;
    }

    /**
     * Channels of resolution {@code r} (1-based), GANSynth's min(fmap_base / 2^r, fmap_max) with
     * fmap_base = 16 fmap_max; resolution 0 is the critic's last layer.
     */
    public int channelsAt(int r) {
        long c = (16L * channels) >> r;
        return (int) Math.max(1, Math.min(channels, c));
    }

    SpectralImage spectralImage() {
        return new SpectralImage(fftSize(), frames(), instantaneousFrequency);
    }

    @Override
    public String describe() {
        return String.format(
                "GANSynth %d resolutions to %d frames x %d bins (FFT %d, hop %d, %d samples), %d"
                        + " channels, latent %d, %s, %d critic updates; %s",
                resolutions,
                frames(),
                bins(),
                fftSize(),
                hop(),
                clipLength(),
                channels,
                latent,
                instantaneousFrequency ? "instantaneous frequency" : "Griffin-Lim phase",
                criticUpdates,
                TrainingGenes.describe(genome));
    }

    @Override
    public Block newBlock() {
        return new GanSynthBlock(this);
    }

    /** The root block is the generator: latent vectors beside one-hot pitches, {@code [batch, latent + 61]}. */
    @Override
    public Shape[] inputShapes(int batchSize) {
        return new Shape[] {new Shape(batchSize, latent + Pitches.COUNT)};
    }

    /**
     * Per step, {@code critic_updates} critic updates then one generator update. A critic update
     * generates a batch without back-propagating into the generator, judges it and the real
     * spectrograms, and judges the gradient penalty's interpolates; the generator update judges a
     * fresh generated batch, back-propagating through both players. The real batch's spectrograms
     * are data preparation, not counted.
     */
    @Override
    public TrainingRecipe trainingRecipe() {
        int batch = TrainingGenes.batchSize(genome);
        GanSynthLosses losses = new GanSynthLosses(this, batch);
        return new AdversarialRecipe(
                        "critic",
                        b -> ((GanSynthBlock) b).generator(),
                        b -> ((GanSynthBlock) b).critic(),
                        inputShapes(batch)[0],
                        new Shape(batch, imageChannels(), frames(), bins()),
                        true)
                .recipe(genome, BETA1, BETA2, criticUpdates, losses::critic, losses::generator);
    }

    @Override
    public Sampler sampler() {
        return new GanSynthSampler();
    }

    /**
     * The generator's pass and the spectrogram's inversion (inverse FFTs and overlap-add, and for
     * Griffin-Lim its iterations), scaled from one clip to one second; the critic is not used.
     */
    @Override
    public long generationFlopsPerUnit(Block block, LayerFlops counter, int sampleRate) {
        long perClip = counter.of(((GanSynthBlock) block).generator(), inputShapes(1)[0])
                + spectralImage().inversionFlops();
        return perClip * sampleRate / clipLength();
    }
}
