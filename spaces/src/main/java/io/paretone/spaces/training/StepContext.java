package io.paretone.spaces.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;

/**
 * What a loss sees during one update. Implemented by the budgeted trainer, which owns the gradient
 * collector, the scopes and the optimisers; a family only computes losses.
 */
public interface StepContext {
    /** Where to create inputs (batches, noise); everything made during the update is freed after it. */
    NDManager manager();

    /** The candidate's parameters in training mode. */
    ParameterStore parameters();

    /** The candidate's root block (cast it to the family's own block type to reach its parts). */
    Block block();

    /**
     * The training data on the host; for batches prefer {@link #crops}, {@link #muLawCrops} or
     * {@link #cropPositions}, cut on the device.
     */
    TrainingData data();

    /**
     * Where a batch of crops lies in the training data kept on the candidate's device: int64
     * {@code [batch, length]} positions drawn as {@link TrainingData#crops} draws crops, by the
     * engine's seeded generator. Read them with {@link #samplesAt} or {@link #codesAt}, as often as
     * needed: one draw, several views of it.
     */
    NDArray cropPositions(int batchSize, int length);

    /** The samples at {@code positions}: float32, shaped as the positions. */
    NDArray samplesAt(NDArray positions);

    /** {@code code} of the samples at {@code positions}: float32, shaped as the positions. */
    NDArray codesAt(NDArray positions, SampleCode code);

    /**
     * {@code code} of the samples at {@code positions} as int64 classes, shaped as the positions, for
     * a code of whole numbers (mu-law classes, levels) used as indices.
     */
    default NDArray classesAt(NDArray positions, SampleCode code) {
        return codesAt(positions, code).toType(DataType.INT64, false);
    }

    /** Training clips drawn uniformly for a batch of whole notes: int64 {@code [batch]} indices, drawn on the device. */
    NDArray drawClips(int batchSize);

    /** The rows of a {@link PerClip} table for {@code clipIndices}, the table computed once per training run. */
    NDArray rows(PerClip table, NDArray clipIndices);

    /** A batch of crops, cut on the device: float32 {@code [batch, length]}. */
    default NDArray crops(int batchSize, int length) {
        return samplesAt(cropPositions(batchSize, length));
    }

    /** Crops as {@link #crops}, as mu-law classes: int64 {@code [batch, length]}. */
    default NDArray muLawCrops(int batchSize, int length) {
        return classesAt(cropPositions(batchSize, length), SampleCode.MU_LAW_CLASSES);
    }

    /**
     * A float32 scalar on the candidate's device, made once per JVM ({@code DeviceConstants}). DJL's
     * {@code NDArray.mul(Number)} and its kind upload their number as a new array at every call (a
     * copy that waits for a GPU, and a float64 one for a Java double), so losses use these instead.
     */
    NDArray scalar(float value);

    /**
     * {@code x} clamped to {@code [low, high]}, with the gradient of a clamp: 1 where x is within
     * the bounds (bounds included), 0 outside. DJL's {@code NDArray.clip(Number, Number)} uploads
     * both bounds and reads them back (a device sync) at every call, and a maximum then a minimum
     * with {@link #scalar} bounds costs twelve kernels with their backward passes (each compares,
     * halves ties, selects and masks). Here the clamp is computed off the graph and selected where
     * it left x unchanged: six kernels. A NaN stays NaN.
     */
    default NDArray clip(NDArray x, float low, float high) {
        NDArray clamped = x.stopGradient().maximum(scalar(low)).minimum(scalar(high));
        return NDArrays.where(clamped.eq(x), x, clamped);
    }

    /** Seeded randomness for batches and noise, split from the candidate's seed. */
    SplittableRandom random();

    /** The current step, 1-based, of {@link #steps()}. */
    int step();

    int steps();

    /**
     * The gradient of {@code sum(output)} with respect to {@code input}, itself differentiable, so a
     * loss can penalise it (WGAN-GP's gradient penalty). {@code input} must be a leaf array made
     * inside the update with {@code setRequiresGradient(true)}. The parameters' gradients are left
     * as if this call had not happened.
     */
    NDArray inputGradient(NDArray output, NDArray input);

    /** A training-mode forward pass of one block on one array. */
    default NDArray forward(Block block, NDArray input) {
        return block.forward(parameters(), new NDList(input), true).singletonOrThrow();
    }
}
