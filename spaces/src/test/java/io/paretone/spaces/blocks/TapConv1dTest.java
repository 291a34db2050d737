package io.paretone.spaces.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.runtime.DjlRuntime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TapConv1dTest {

    /** The output equals a convolution computed by its textbook sum, with the weights read back. */
    @ParameterizedTest
    @CsvSource({"3, 1, 1", "5, 2, 2", "2, 1, 0", "4, 4, 0"})
    void computesTheConvolutionSum(int kernel, int stride, int padding) {
        int c = 3;
        int f = 2;
        int length = 11;
        try (Model model = Model.newInstance("t", DjlRuntime.device("cpu"))) {
            NDManager m = model.getNDManager();
            TapConv1d conv = new TapConv1d(kernel, stride, padding, f, true);
            conv.initialize(m, DataType.FLOAT32, new Shape(1, c, length));
            float[] x = new float[c * length];
            SplittableRandom r = new SplittableRandom(1);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            float[] y = conv.forward(
                            new ParameterStore(m, false), new NDList(m.create(x, new Shape(1, c, length))), false)
                    .singletonOrThrow()
                    .toFloatArray();
            float[] w = conv.getParameters().get(0).getValue().getArray().toFloatArray(); // [f, k*c, 1]
            float[] b = conv.getParameters().get(1).getValue().getArray().toFloatArray();
            int out = (length + 2 * padding - kernel) / stride + 1;
            assertEquals(f * out, y.length);
            for (int o = 0; o < f; o++) {
                for (int t = 0; t < out; t++) {
                    double sum = b[o];
                    for (int j = 0; j < kernel; j++) {
                        int at = t * stride + j - padding;
                        for (int ch = 0; ch < c; ch++) {
                            double v = at < 0 || at >= length ? 0 : x[ch * length + at];
                            sum += w[(o * c + ch) * kernel + j]
                                    * v; // channel ch at tap j is stacked channel ch*kernel+j
                        }
                    }
                    assertEquals(sum, y[o * out + t], 1e-4, "filter " + o + " position " + t);
                }
            }
        }
    }

    /** The GPU's path (one native convolution) and the CPU's (stacked taps) on the same weights. */
    @ParameterizedTest
    @CsvSource({"3, 1, 1", "5, 2, 2", "2, 1, 0", "9, 2, 4"})
    void nativeAndTapPathsGiveTheSameOutputsAndGradients(int kernel, int stride, int padding) {
        try (Model model = Model.newInstance("t", DjlRuntime.device("cpu"))) {
            NDManager m = model.getNDManager();
            TapConv1d conv = new TapConv1d(kernel, stride, padding, 3, true);
            Shape in = new Shape(2, 4, 23);
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

    @Test
    void nearestUpsamplingRepeatsEachSample() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            float[] y = UpsampleConv.nearest(m.create(new float[] {1, 2, 3, 4}, new Shape(1, 2, 2)), 3)
                    .toFloatArray();
            assertArrayEquals(new float[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4}, y);
        }
    }

    /** The same seed draws the same weights as when taps were stacked tap by tap, moved to channel by channel. */
    @Test
    void theSameSeedGivesTheSameNetworkAsTheTapByTapLayout() {
        int kernel = 3;
        int c = 4;
        int f = 5;
        try (Model model = Model.newInstance("t", DjlRuntime.device("cpu"))) {
            NDManager m = model.getNDManager();
            DjlRuntime.engine().setRandomSeed(11);
            Block tapByTap =
                    Conv1d.builder().setKernelShape(new Shape(1)).setFilters(f).build();
            tapByTap.initialize(m, DataType.FLOAT32, new Shape(1, (long) kernel * c, 9));
            float[] drawn = tapByTap.getParameters().get("weight").getArray().toFloatArray();
            DjlRuntime.engine().setRandomSeed(11);
            TapConv1d conv = new TapConv1d(kernel, 1, 1, f, true);
            conv.initialize(m, DataType.FLOAT32, new Shape(1, c, 9));
            float[] now = conv.getParameters().valueAt(0).getArray().toFloatArray();
            for (int o = 0; o < f; o++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int j = 0; j < kernel; j++) {
                        assertEquals(drawn[o * kernel * c + j * c + ch], now[(o * c + ch) * kernel + j], 0f);
                    }
                }
            }
        }
    }
}
