package io.paretone.spaces.wavegan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;

class PhaseShuffleTest {
    @Test
    void shiftsInTimeAndReflectsAtTheEdges() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            var x = m.create(new float[] {0, 1, 2, 3, 4, 5}, new Shape(1, 1, 6));
            assertArrayEquals(
                    new float[] {2, 1, 0, 1, 2, 3}, PhaseShuffle.shift(x, 2).toFloatArray());
            assertArrayEquals(
                    new float[] {1, 2, 3, 4, 5, 4}, PhaseShuffle.shift(x, -1).toFloatArray());
            assertArrayEquals(
                    new float[] {0, 1, 2, 3, 4, 5}, PhaseShuffle.shift(x, 0).toFloatArray());
        }
    }
}
