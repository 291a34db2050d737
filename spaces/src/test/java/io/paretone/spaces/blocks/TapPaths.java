package io.paretone.spaces.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.runtime.DjlRuntime;

/** One path of a tap convolution (native, or stacked taps) run forward and backward, for comparing the two. */
final class TapPaths {
    /** A path: the block's function of its input. */
    interface Path {
        NDList apply(ParameterStore ps, NDArray x);
    }

    private TapPaths() {}

    /** The two paths give the same output and gradients (input, weight, bias) within 1e-4. */
    static void assertSame(Block conv, NDArray x, NDArray r, Path byTaps, Path natively) {
        float[][] taps = outputAndGradients(conv, x, r, byTaps);
        float[][] nat = outputAndGradients(conv, x, r, natively);
        String[] what = {"output", "input gradient", "weight gradient", "bias gradient"};
        for (int i = 0; i < what.length; i++) {
            assertArrayEquals(taps[i], nat[i], 1e-4f, what[i]);
        }
    }

    /**
     * The output, then the gradients of {@code sum(output x r)} for the input, the weight and the bias
     * (the block's only two parameters); the parameters' gradients are zeroed after.
     */
    private static float[][] outputAndGradients(Block conv, NDArray input, NDArray r, Path path) {
        NDManager m = input.getManager();
        NDArray x = input.duplicate();
        x.setRequiresGradient(true);
        ParameterStore ps = new ParameterStore(m, false);
        NDArray w = conv.getParameters().get(0).getValue().getArray();
        NDArray b = conv.getParameters().get(1).getValue().getArray();
        float[] y;
        try (GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
            NDArray out = path.apply(ps, x).singletonOrThrow();
            y = out.toFloatArray();
            collector.backward(out.mul(r).sum());
        }
        float[][] result = {
            y,
            x.getGradient().toFloatArray(),
            w.getGradient().toFloatArray(),
            b.getGradient().toFloatArray()
        };
        w.getGradient().subi(w.getGradient());
        b.getGradient().subi(b.getGradient());
        return result;
    }
}
