package io.paretone.evaluators.cost;

import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.training.TrainingGenes;

/**
 * What a candidate costs by counting, independent of the machine: parameters, model size, FLOPs
 * to generate audio and FLOPs of its training run. All FLOPs use 1 multiply-add = 2 FLOPs (see
 * {@link FlopCounter}).
 *
 * @param parameters trainable parameters, as PyTorch's {@code sum(p.numel())}
 * @param modelBytes bytes of all parameter arrays at their data type
 * @param dataType the parameters' data type ("float32"), or "mixed"
 * @param generationFlopsPerSecond forward FLOPs to generate one second of audio (for autoregressive
 *     models one sample step x the sample rate), counted at inference
 * @param trainingExample forward FLOPs of one training example (one pass of the network over one
 *     crop of the shape it trains on) and their split for the backward estimate
 * @param trainingExamples examples seen by the run: steps x batch size
 */
public record ModelCost(
        long parameters,
        long modelBytes,
        String dataType,
        long generationFlopsPerSecond,
        FlopCount trainingExample,
        long trainingExamples) {

    /**
     * Counts an architecture's initialised block.
     *
     * @throws UncountableLayerException if a block of the model has no FLOP rule
     */
    public static ModelCost count(Architecture architecture, Block block, int sampleRate) {
        return new ModelCost(
                ParameterCounter.trainable(block),
                ParameterCounter.bytes(block),
                ParameterCounter.dataType(block),
                architecture.generationFlopsPerSecond(block, FlopCounter.inference(), sampleRate),
                FlopCounter.training().count(block, architecture.inputShapes(1)),
                (long) architecture.trainingRecipe().steps() * TrainingGenes.batchSize(architecture.genome()));
    }

    /** Forward FLOPs of one training example. */
    public long forwardFlopsPerTrainingExample() {
        return trainingExample.forward();
    }

    /** Forward plus backward FLOPs of the whole training run: examples x (forward + backward). */
    public long trainingFlops() {
        return Math.multiplyExact(trainingExamples, trainingExample.forwardAndBackward());
    }
}
