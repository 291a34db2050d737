package io.paretone.spaces.wavenet;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.training.TrainingGenes;
import io.paretone.spaces.training.TrainingRecipe;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A decoded WaveNet genome.
 *
 * @param dilationCycle layer i has dilation 2^(i mod cycle)
 */
public record WaveNetArchitecture(
        Genome genome, int layers, int dilationCycle, int residualChannels, int skipChannels, int kernelSize)
        implements Architecture {

    public WaveNetArchitecture {
        Check.positive(WaveNetFamily.LAYERS, layers);
        Check.positive(WaveNetFamily.DILATION_CYCLE, dilationCycle);
        Check.positive(WaveNetFamily.RESIDUAL_CHANNELS, residualChannels);
        Check.positive(WaveNetFamily.SKIP_CHANNELS, skipChannels);
        Check.atLeast(WaveNetFamily.KERNEL_SIZE, kernelSize, 2);
    }

    /** The dilation of each layer, in order. */
    public int[] dilations() {
        int[] d = new int[layers];
        for (int i = 0; i < layers; i++) {
            d[i] = 1 << (i % dilationCycle);
        }
        return d;
    }

    /** How many past samples one output sample sees, itself included. */
    public int receptiveField() {
        return 1 + Arrays.stream(dilations()).map(d -> (kernelSize - 1) * d).sum();
    }

    /** Samples per training crop: the receptive field plus the predicted samples. */
    public int cropLength() {
        return receptiveField() + WaveNetFamily.PREDICTED_SAMPLES;
    }

    @Override
    public String describe() {
        String dil = Arrays.stream(dilations()).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return String.format(
                "WaveNet %d layers (dilations %s, kernel %d, receptive field %d), %d residual / %d skip"
                        + " channels; %s",
                layers,
                dil,
                kernelSize,
                receptiveField(),
                residualChannels,
                skipChannels,
                TrainingGenes.describe(genome));
    }

    @Override
    public Block newBlock() {
        return new WaveNetBlock(this);
    }

    @Override
    public Shape[] inputShapes(int batchSize) {
        return new Shape[] {new Shape(batchSize, cropLength() - 1)};
    }

    @Override
    public TrainingRecipe trainingRecipe() {
        return TrainingRecipe.singleLoss(
                TrainingGenes.steps(genome),
                TrainingGenes.learningRate(genome),
                "cross-entropy",
                inputShapes(TrainingGenes.batchSize(genome)),
                new WaveNetLoss(TrainingGenes.batchSize(genome), cropLength()));
    }

    @Override
    public Sampler sampler() {
        return new WaveNetSampler();
    }

    @Override
    public long generationFlopsPerUnit(Block block, LayerFlops counter, int sampleRate) {
        return ((WaveNetBlock) block).stepFlops(counter) * sampleRate;
    }
}
