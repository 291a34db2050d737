package io.paretone.spaces.samplernn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.audio.MuLaw;
import io.paretone.spaces.runtime.DjlRuntime;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleRnnBlockTest {
    private final SampleRnnFamily family = new SampleRnnFamily();

    private SampleRnnArchitecture arch(String tiersAndCell) {
        return (SampleRnnArchitecture) family.decode(family.space()
                .parse(tiersAndCell
                        + " frame_size=2 rnn_units=8 rnn_layers=2 mlp_units=8 embedding=4"
                        + " training_steps=10 batch_size=1 learning_rate=1e-3"));
    }

    /**
     * The cached recurrent generation, fed each sample on the device, computes exactly the parallel
     * pass, one sample at a time, for every clip of a batch.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cell=gru frame_tiers=1", "cell=lstm frame_tiers=2 upper_ratio=2"})
    void cachedGenerationStepsMatchTheParallelPass(String genes) {
        SampleRnnArchitecture arch = arch(genes);
        DjlRuntime.engine().setRandomSeed(4);
        try (Model model = Model.newInstance("s", DjlRuntime.device("cpu"))) {
            SampleRnnBlock block = (SampleRnnBlock) arch.newBlock();
            model.setBlock(block);
            NDManager m = model.getNDManager();
            int top = arch.topFrame();
            int t = 3 * top;
            int clips = 2;
            block.initialize(m, DataType.FLOAT32, new Shape(clips, top + t), new Shape(clips, top + t));
            long[] classes = new long[clips * (top + t)];
            float[] values = new float[classes.length];
            SplittableRandom r = new SplittableRandom(2);
            for (int i = 0; i < classes.length; i++) {
                classes[i] = i % (top + t) < top ? MuLaw.encode(0f) : r.nextInt(256);
                values[i] = MuLaw.decode((int) classes[i]);
            }
            ParameterStore ps = new ParameterStore(m, false);
            Shape shape = new Shape(clips, top + t);
            float[] parallel = block.forward(ps, new NDList(m.create(classes, shape), m.create(values, shape)), false)
                    .singletonOrThrow()
                    .toFloatArray(); // [clips, 256, t]
            SampleRnnBlock.GenerationState state = block.newGenerationState(m, clips);
            for (int i = 0; i < t; i++) {
                if (i > 0) {
                    long[] previous = {classes[top + i - 1], classes[(top + t) + top + i - 1]};
                    state.append(m.create(previous, new Shape(clips, 1)));
                }
                float[] step = state.step(ps, i).toFloatArray(); // [clips, 256]
                for (int c = 0; c < clips; c++) {
                    for (int k = 0; k < 256; k++) {
                        assertEquals(
                                parallel[(c * 256 + k) * t + i],
                                step[c * 256 + k],
                                1e-4f,
                                "clip " + c + " class " + k + " sample " + i);
                    }
                }
            }
            state.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cell=gru frame_tiers=1", "cell=lstm frame_tiers=2 upper_ratio=2"})
    void outputsNeverDependOnTheSampleTheyPredictOrLater(String genes) {
        SampleRnnArchitecture arch = arch(genes);
        DjlRuntime.engine().setRandomSeed(5);
        try (Model model = Model.newInstance("s", DjlRuntime.device("cpu"))) {
            SampleRnnBlock block = (SampleRnnBlock) arch.newBlock();
            model.setBlock(block);
            NDManager m = model.getNDManager();
            int top = arch.topFrame();
            int t = 4 * top;
            block.initialize(m, DataType.FLOAT32, new Shape(1, top + t), new Shape(1, top + t));
            long[] x = new long[top + t];
            SplittableRandom r = new SplittableRandom(3);
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(256);
            }
            long[] y = x.clone();
            int changed = top + 5; // predicted as output 5
            y[changed] = (y[changed] + 99) % 256;
            float[] a = forward(block, m, x);
            float[] b = forward(block, m, y);
            for (int c = 0; c < 256; c++) {
                for (int i = 0; i <= 5; i++) {
                    assertEquals(a[c * t + i], b[c * t + i], 0f, "class " + c + " output " + i);
                }
            }
            boolean later = false;
            for (int c = 0; c < 256; c++) {
                later |= a[c * t + 6] != b[c * t + 6];
            }
            assertNotEquals(false, later, "the next output sees the changed sample");
        }
    }

    private static float[] forward(SampleRnnBlock block, NDManager m, long[] classes) {
        float[] v = new float[classes.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = MuLaw.decode((int) classes[i]);
        }
        Shape s = new Shape(1, classes.length);
        return block.forward(new ParameterStore(m, false), new NDList(m.create(classes, s), m.create(v, s)), false)
                .singletonOrThrow()
                .toFloatArray();
    }
}
