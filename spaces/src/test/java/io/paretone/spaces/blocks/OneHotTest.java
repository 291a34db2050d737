package io.paretone.spaces.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.runtime.DjlRuntime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OneHotTest {
    @Test
    void isDjlsOneHotForBatchesOfSequencesAndForSingleRows() {
        SplittableRandom random = new SplittableRandom(3);
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            for (Shape shape : new Shape[] {new Shape(3, 17), new Shape(5, 1), new Shape(4)}) {
                long[] c = new long[Math.toIntExact(shape.size())];
                for (int i = 0; i < c.length; i++) {
                    c[i] = random.nextInt(256);
                }
                c[0] = 0;
                c[c.length - 1] = 255;
                NDArray classes = m.create(c, shape);
                NDArray expected = classes.oneHot(256);
                NDArray actual = OneHot.of(classes, 256);
                assertEquals(DataType.FLOAT32, actual.getDataType());
                assertEquals(expected.getShape(), actual.getShape());
                assertArrayEquals(expected.toFloatArray(), actual.toFloatArray(), 0f, "shape " + shape);
            }
        }
    }
}
