package io.paretone.spaces.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TapConv2dTest {
    /** The stacked-tap form equals DJL's own padded, strided convolution given the same weights, rearranged. */
    @Test
    void equalsAPaddedStridedConvolutionWithTheSameWeights() {
        int k = 3;
        int cin = 2;
        int filters = 3;
        try (Model model = Model.newInstance("tap", DjlRuntime.device("cpu"))) {
            NDManager m = model.getNDManager();
            DjlRuntime.engine().setRandomSeed(3);
            NDArray x = m.randomNormal(new Shape(2, cin, 7, 6));
            TapConv2d taps = TapConv2d.padded(k, 2, filters);
            taps.initialize(m, DataType.FLOAT32, x.getShape());
            NDArray mixWeight = taps.getChildren()
                    .values()
                    .get(0)
                    .getParameters()
                    .get("weight")
                    .getArray(); // [F, T*C, 1, 1]
            NDArray bias = taps.getChildren()
                    .values()
                    .get(0)
                    .getParameters()
                    .get("bias")
                    .getArray();
            // Stacked channel index is c * taps + tap, tap = y * k + x: [F, C, k, k] as it is.
            NDArray kernel = mixWeight.reshape(filters, cin, k, k);
            NDArray expected = Conv2d.conv2d(x, kernel, bias, new Shape(2, 2), new Shape(1, 1))
                    .singletonOrThrow();
            NDArray actual = taps.forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow();
            assertEquals(new Shape(2, filters, 4, 3), actual.getShape());
            assertArrayEquals(expected.toFloatArray(), actual.toFloatArray(), 1e-5f);
        }
    }

    /** Mask A: changing pixel p changes no output at p or before it in raster order; mask B includes p itself. */
    @Test
    void causalTapsSeeOnlyEarlierPixels() {
        assertEquals(4, TapConv2d.causal(3, 1, true).taps().size(), "3 above, 1 to the left");
        assertEquals(5, TapConv2d.causal(3, 1, false).taps().size(), "and the centre");
        assertEquals(12, TapConv2d.causal(5, 1, true).taps().size(), "10 above, 2 to the left");
        try (Model model = Model.newInstance("tap", DjlRuntime.device("cpu"))) {
            NDManager m = model.getNDManager();
            TapConv2d conv = TapConv2d.causal(5, 4, true);
            Shape shape = new Shape(1, 1, 6, 6);
            conv.initialize(m, DataType.FLOAT32, shape);
            float[] before = new float[36];
            float[] after = before.clone();
            int p = 14;
            after[p] = 5;
            ParameterStore ps = new ParameterStore(m, false);
            float[] a = conv.forward(ps, new NDList(m.create(before, shape)), false)
                    .singletonOrThrow()
                    .toFloatArray();
            float[] b = conv.forward(ps, new NDList(m.create(after, shape)), false)
                    .singletonOrThrow()
                    .toFloatArray();
            for (int f = 0; f < 4; f++) {
                for (int q = 0; q <= p; q++) {
                    assertEquals(a[f * 36 + q], b[f * 36 + q], 0f, "filter " + f + " pixel " + q);
                }
            }
        }
    }

    /** The GPU's path (one native convolution) and the CPU's (stacked taps) on the same weights, causal ones included. */
    @ParameterizedTest
    @CsvSource({"padded, 3, 1", "padded, 3, 2", "padded, 5, 2", "causalA, 5, 1", "causalB, 3, 1"})
    void nativeAndTapPathsGiveTheSameOutputsAndGradients(String kind, int kernel, int stride) {
        try (Model model = Model.newInstance("t", DjlRuntime.device("cpu"))) {
            NDManager m = model.getNDManager();
            DjlRuntime.engine().setRandomSeed(kernel * 10 + stride);
            TapConv2d conv =
                    switch (kind) {
                        case "padded" -> TapConv2d.padded(kernel, stride, 3);
                        case "causalA" -> TapConv2d.causal(kernel, 3, true);
                        default -> TapConv2d.causal(kernel, 3, false);
                    };
            Shape in = new Shape(2, 2, 7, 6);
            conv.initialize(m, DataType.FLOAT32, in);
            NDArray x = m.randomNormal(in);
            NDArray r = m.randomNormal(conv.getOutputShapes(new Shape[] {in})[0]);
            TapPaths.assertSame(
                    conv,
                    x,
                    r,
                    (ps, input) -> conv.byTaps(ps, input, true),
                    (ps, input) -> conv.natively(ps, input, true));
        }
    }
}
