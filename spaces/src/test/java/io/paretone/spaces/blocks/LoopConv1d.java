package io.paretone.spaces.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.GradientCollector;
import io.paretone.spaces.runtime.DjlRuntime;

/** The input gradient of a 1-D convolution, by the engine and by loops, for checking the engine's backward pass. */
final class LoopConv1d {
    private LoopConv1d() {}

    /**
     * The largest difference between the engine's input gradient of {@code sum(conv(x, kernel) * r)}
     * (stride 1, no bias) and the same gradient computed by loops.
     *
     * @param x input {@code [B, C, T]}
     * @param kernel {@code [F, C, k]}, in whatever layout the caller made it
     * @param r output weights {@code [B, F, T + 2 padding - k + 1]}
     */
    static double inputGradientError(NDArray x, NDArray kernel, NDArray r, int padding) {
        NDArray input = x.duplicate();
        input.setRequiresGradient(true);
        try (GradientCollector g = DjlRuntime.engine().newGradientCollector()) {
            NDArray y = Conv1d.conv1d(input, kernel, null, new Shape(1), new Shape(padding), new Shape(1))
                    .singletonOrThrow();
            g.backward(y.mul(r).sum());
        }
        float[] engine = input.getGradient().toFloatArray();
        float[] w = kernel.toFloatArray();
        float[] rv = r.toFloatArray();
        int batch = (int) x.getShape().get(0);
        int channels = (int) x.getShape().get(1);
        int length = (int) x.getShape().get(2);
        int filters = (int) kernel.getShape().get(0);
        int k = (int) kernel.getShape().get(2);
        int out = (int) r.getShape().get(2);
        double worst = 0;
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                for (int t = 0; t < length; t++) {
                    double sum = 0;
                    for (int f = 0; f < filters; f++) {
                        for (int j = 0; j < k; j++) {
                            int o = t - j + padding; // output o reads input o + j - padding
                            if (o >= 0 && o < out) {
                                sum += w[(f * channels + c) * k + j] * rv[(b * filters + f) * out + o];
                            }
                        }
                    }
                    worst = Math.max(worst, Math.abs(sum - engine[(b * channels + c) * length + t]));
                }
            }
        }
        return worst;
    }
}
