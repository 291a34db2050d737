package io.paretone.spaces;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;

/** Turns audio into training batches and scores predictions; one per model family. */
public interface TrainingTask {
    /**
     * A batch of {@code batchSize} random crops of {@code cropLength} samples.
     *
     * @param clips audio in [-1, 1], each at least one sample long
     */
    Batch batch(NDManager manager, List<float[]> clips, int batchSize, int cropLength, SplittableRandom random);

    /** The scalar loss to minimise. */
    NDArray loss(NDList predictions, NDList labels);

    /** Inputs and the labels they should predict. */
    record Batch(NDList inputs, NDList labels) {}
}
