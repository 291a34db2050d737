package io.paretone.spaces.wavenet;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.AudioSampler;
import io.paretone.spaces.TrainingPlan;
import io.paretone.spaces.TrainingTask;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Genome;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A decoded WaveNet genome.
 *
 * @param dilationCycle layer i has dilation 2^(i mod cycle)
 */
public record WaveNetArchitecture(
        Genome genome,
        int layers,
        int dilationCycle,
        int residualChannels,
        int skipChannels,
        int kernelSize,
        double learningRate,
        int trainingSteps)
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

    @Override
    public String describe() {
        String dil = Arrays.stream(dilations()).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return String.format(
                "WaveNet %d layers (dilations %s, kernel %d, receptive field %d), %d residual / %d skip"
                        + " channels; %d steps at lr %s",
                layers,
                dil,
                kernelSize,
                receptiveField(),
                residualChannels,
                skipChannels,
                trainingSteps,
                genome.space().gene(WaveNetFamily.LEARNING_RATE).format(learningRate));
    }

    @Override
    public TrainingPlan trainingPlan() {
        return new TrainingPlan(
                trainingSteps,
                WaveNetFamily.BATCH_SIZE,
                receptiveField() + WaveNetFamily.PREDICTED_SAMPLES,
                learningRate);
    }

    @Override
    public Block newBlock() {
        return new WaveNetBlock(this);
    }

    @Override
    public Shape[] inputShapes(int batchSize) {
        return new Shape[] {new Shape(batchSize, trainingPlan().cropLength() - 1)};
    }

    @Override
    public TrainingTask trainingTask() {
        return new WaveNetTrainingTask();
    }

    @Override
    public AudioSampler sampler() {
        return new WaveNetSampler();
    }

    @Override
    public long generationFlopsPerSecond(Block block, LayerFlops counter, int sampleRate) {
        return ((WaveNetBlock) block).stepFlops(counter) * sampleRate;
    }
}
