package io.paretone.spaces.audio;

import ai.djl.ndarray.NDArray;

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
}
