package io.paretone.evaluators.cost;

import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.training.TrainingRecipe;

/**
 * What a candidate costs by counting, independent of the machine: parameters, model size, FLOPs
 * to generate one unit of its {@link io.paretone.spaces.Domain} and FLOPs of its training run. All
 * FLOPs use 1 multiply-add = 2 FLOPs (see {@link FlopCounter}); training FLOPs count the passes the
 * recipe runs (see {@link TrainingStepFlops}).
 *
 * @param parameters trainable parameters, as PyTorch's {@code sum(p.numel())}
 * @param modelBytes bytes of all parameter arrays at their data type
 * @param dataType the parameters' data type ("float32"), or "mixed"
 * @param generationFlopsPerUnit forward FLOPs to generate one unit (for a model generating value
 *     by value, one step x the values per unit), counted at inference
 * @param trainingExample forward FLOPs of one training example (one pass of the network over one
 *     crop of the shape it trains on) and their split for the backward estimate
 * @param trainingSteps the recipe's step budget
 * @param trainingFlopsPerStep forward and backward FLOPs of one step, every update's passes
 */
public record ModelCost(
        long parameters,
        long modelBytes,
        String dataType,
        long generationFlopsPerUnit,
        FlopCount trainingExample,
        long trainingSteps,
        long trainingFlopsPerStep) {

    /**
     * Counts an architecture's initialised block.
     *
     * @throws UncountableLayerException if a block of the model has no FLOP rule
     */
    public static ModelCost count(Architecture architecture, Block block, int valuesPerUnit) {
        TrainingRecipe recipe = architecture.trainingRecipe();
        return new ModelCost(
                ParameterCounter.trainable(block),
                ParameterCounter.bytes(block),
                ParameterCounter.dataType(block),
                architecture.generationFlopsPerUnit(block, FlopCounter.inference(), valuesPerUnit),
                FlopCounter.training().count(block, architecture.inputShapes(1)),
                recipe.steps(),
                TrainingStepFlops.of(recipe, block));
    }

    /** Forward FLOPs of one training example. */
    public long forwardFlopsPerTrainingExample() {
        return trainingExample.forward();
    }

    /** Forward plus backward FLOPs of the whole training run: steps x FLOPs per step. */
    public long trainingFlops() {
        return Math.multiplyExact(trainingSteps, trainingFlopsPerStep);
    }
}
