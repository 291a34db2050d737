package io.paretone.evaluators.training;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The gradient operation DJL's engine-neutral API lacks, taken from its PyTorch bridge (the only
 * engine paretone runs): a backward pass that keeps and differentiates its own graph (double
 * back-propagation, for gradient penalties).
 */
final class Gradients {
    private Gradients() {}

    /**
     * Back-propagates a scalar with {@code create_graph} and {@code retain_graph}, so the gradients
     * it leaves can themselves be differentiated and the graph used again.
     */
    static void backwardKeepingGraph(NDArray scalar) {
        NDArray ones = scalar.onesLike();
        JniUtils.backward((PtNDArray) scalar, (PtNDArray) ones, true, true);
    }
}
