package io.paretone.spaces.cost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;

/** The blocks whose cost the counter can read compute what they claim, at the shapes they claim. */
class CountedBlocksTest {

    private static float[] forward(Block block, float[] x, Shape shape, Shape expectedOut) {
        try (Model model = Model.newInstance("b", DjlRuntime.device("cpu"))) {
            NDManager m = model.getNDManager();
            block.initialize(m, DataType.FLOAT32, shape);
            assertEquals(expectedOut, block.getOutputShapes(new Shape[] {shape})[0], "declared output shape");
            NDArray y = block.forward(new ParameterStore(m, false), new NDList(m.create(x, shape)), false)
                    .singletonOrThrow();
            assertEquals(expectedOut, y.getShape(), "actual output shape");
            return y.toFloatArray();
        }
    }

    @Test
    void upsampleRepeatsEachValue() {
        float[] y = forward(new Upsample(3), new float[] {1, 2, 3, 4}, new Shape(1, 2, 2), new Shape(1, 2, 6));
        assertArrayEquals(new float[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4}, y);
    }

    @Test
    void maxAndAveragePoolingUseTheirKernel() {
        float[] x = {1, 5, 2, 8, 3, 4};
        assertArrayEquals(
                new float[] {5, 8, 4},
                forward(
                        Pooling.max(new Shape(2), new Shape(2), new Shape(0)),
                        x,
                        new Shape(1, 1, 6),
                        new Shape(1, 1, 3)));
        assertArrayEquals(
                new float[] {3, 5, 3.5f},
                forward(
                        Pooling.average(new Shape(2), new Shape(2), new Shape(0)),
                        x,
                        new Shape(1, 1, 6),
                        new Shape(1, 1, 3)));
    }

    @Test
    void joinsSumMultiplyOrConcatenateTheBranches() {
        float[] x = {-1, 0, 2};
        Shape s = new Shape(1, 1, 3);
        assertArrayEquals(
                new float[] {-1, 0, 4},
                forward(ParallelJoin.sum(Blocks.identityBlock(), Activation.reluBlock()), x, s, s));
        assertArrayEquals(
                new float[] {0, 0, 4},
                forward(ParallelJoin.product(Blocks.identityBlock(), Activation.reluBlock()), x, s, s),
                0f);
        assertArrayEquals(
                new float[] {-1, 0, 2, 0, 0, 2},
                forward(ParallelJoin.concat(Blocks.identityBlock(), Activation.reluBlock()), x, s, new Shape(1, 2, 3)));
    }
}
