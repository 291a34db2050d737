package io.paretone.spaces.wavenet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.runtime.DjlRuntime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WaveNetBlockTest {
    private final WaveNetFamily family = new WaveNetFamily();
    private final WaveNetArchitecture arch = (WaveNetArchitecture) family.decode(family.space()
            .parse("layers=3 dilation_cycle=2 residual_channels=4 skip_channels=8 kernel_size=3"
                    + " learning_rate=1e-3 training_steps=10 batch_size=2"));

    @Test
    void dilationsAndReceptiveFieldFollowTheCycle() {
        assertArrayEquals(new int[] {1, 2, 1}, arch.dilations());
        assertEquals(1 + 2 * (1 + 2 + 1), arch.receptiveField());
    }

    @Test
    void outputsNeverDependOnLaterInputs() {
        DjlRuntime.engine().setRandomSeed(5);
        try (Model model = Model.newInstance("causal", DjlRuntime.device("cpu"))) {
            model.setBlock(arch.newBlock());
            NDManager m = model.getNDManager();
            model.getBlock().initialize(m, DataType.FLOAT32, new Shape(1, 32));
            long[] x = randomClasses(32, 1);
            long[] y = x.clone();
            y[20] = (y[20] + 77) % 256;
            float[] a = forward(model, m, x);
            float[] b = forward(model, m, y);
            // Logits [1, 256, 32]: positions before 20 are identical, position 20 changes.
            for (int c = 0; c < 256; c++) {
                for (int t = 0; t < 20; t++) {
                    assertEquals(a[c * 32 + t], b[c * 32 + t], 0f, "class " + c + " time " + t);
                }
            }
            assertNotEquals(a[20], b[20]);
        }
    }

    /** The GPU's path (native dilated kernels) and the CPU's (stacked taps) on the same weights. */
    @Test
    void nativeAndTapPathsGiveTheSameLogitsAndGradients() {
        DjlRuntime.engine().setRandomSeed(8);
        try (Model model = Model.newInstance("paths", DjlRuntime.device("cpu"))) {
            model.setBlock(arch.newBlock());
            NDManager m = model.getNDManager();
            WaveNetBlock block = (WaveNetBlock) model.getBlock();
            block.initialize(m, DataType.FLOAT32, new Shape(2, 30));
            NDArray classes = m.create(randomClasses(60, 4), new Shape(2, 30));
            float[][] taps = logitsAndGradients(block, m, classes, false);
            float[][] natively = logitsAndGradients(block, m, classes, true);
            assertEquals(taps.length, natively.length);
            for (int i = 0; i < taps.length; i++) {
                assertEquals(taps[i].length, natively[i].length);
                for (int j = 0; j < taps[i].length; j++) {
                    assertEquals(
                            taps[i][j],
                            natively[i][j],
                            1e-4,
                            (i == 0 ? "logit " : "gradient of parameter " + i + ": ") + j);
                }
            }
        }
    }

    private static float[][] logitsAndGradients(WaveNetBlock block, NDManager m, NDArray classes, boolean natively) {
        var parameters = block.getParameters();
        float[][] out = new float[parameters.size() + 1][];
        try (ai.djl.training.GradientCollector c = DjlRuntime.engine().newGradientCollector()) {
            NDArray logits = block.logits(new ParameterStore(m, false), classes, true, natively);
            out[0] = logits.toFloatArray();
            c.backward(logits.logSoftmax(1).get(":, 7, :").mean());
        }
        for (int p = 0; p < parameters.size(); p++) {
            NDArray g = parameters.get(p).getValue().getArray().getGradient();
            out[p + 1] = g.toFloatArray();
            g.subi(g);
        }
        return out;
    }

    @Test
    void cachedGenerationStepsMatchTheParallelPass() {
        DjlRuntime.engine().setRandomSeed(6);
        try (Model model = Model.newInstance("cache", DjlRuntime.device("cpu"))) {
            model.setBlock(arch.newBlock());
            NDManager m = model.getNDManager();
            WaveNetBlock block = (WaveNetBlock) model.getBlock();
            block.initialize(m, DataType.FLOAT32, new Shape(1, 24));
            long[] x = randomClasses(24, 2);
            float[] parallel = forward(model, m, x);
            ParameterStore ps = new ParameterStore(m, false);
            WaveNetBlock.GenerationState state = block.newGenerationState(m, 1);
            for (int t = 0; t < 24; t++) {
                float[] step = state.step(ps, m.create(new long[] {x[t]}, new Shape(1, 1)))
                        .toFloatArray();
                for (int c = 0; c < 256; c++) {
                    assertEquals(parallel[c * 24 + t], step[c], 1e-4f, "class " + c + " time " + t);
                }
            }
            state.close();
        }
    }

    private static float[] forward(Model model, NDManager m, long[] classes) {
        NDArray in = m.create(classes, new Shape(1, classes.length));
        return model.getBlock()
                .forward(new ParameterStore(m, false), new NDList(in), false)
                .singletonOrThrow()
                .toFloatArray();
    }

    private static long[] randomClasses(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] x = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(256);
        }
        return x;
    }
}
