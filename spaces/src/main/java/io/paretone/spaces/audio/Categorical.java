package io.paretone.spaces.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** The 256-way mu-law softmax output shared by the autoregressive families (WaveNet, SampleRNN). */
public final class Categorical {
    private Categorical() {}

    /**
     * Mean cross-entropy of logits {@code [B, 256, T]} against classes {@code [B, T]} (int64): the
     * log-probability of each target picked by a gather, not multiplied by a one-hot array.
     */
    public static NDArray crossEntropy(NDArray logits, NDArray targets) {
        NDArray logProbs = logits.logSoftmax(1);
        return logProbs.gather(targets.expandDims(1), 1).mean().neg();
    }

    /**
     * The class whose cumulative probability first exceeds {@code u} in [0, 1), reading the
     * {@code classes} probabilities of row {@code row} of a flat array.
     */
    public static int draw(float[] probabilities, int row, int classes, double u) {
        double cumulative = 0;
        int offset = row * classes;
        for (int i = 0; i < classes; i++) {
            cumulative += probabilities[offset + i];
            if (u < cumulative) {
                return i;
            }
        }
        return classes - 1;
    }

    /**
     * {@link #draw} for every row of {@code logits} {@code [B, C]} at once, on their device: the
     * class of row b is the number of cumulative softmax probabilities, among the first C - 1, that
     * are at most {@code u[b]}, which is the first class whose cumulative probability exceeds u (and
     * the last class when rounding leaves the total below u). Returns classes {@code [B, 1]}
     * (int64) without reading anything back to the host, so a sampler can feed them straight into
     * its next step.
     *
     * @param uniforms {@code [B, 1]} uniforms in [0, 1), drawn on the same device
     */
    public static NDArray drawOnDevice(NDArray logits, NDArray uniforms) {
        long classes = logits.getShape().get(1);
        NDArray cumulative = logits.softmax(1).cumSum(1).get(":, :" + (classes - 1));
        return cumulative.lte(uniforms).sum(new int[] {1}, true).toType(DataType.INT64, false);
    }
}
