package io.paretone.spaces.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelLayoutTest {
    @Test
    void rowMajorCopiesAPermutedViewIntoRowMajorOrderWithTheSameValues() {
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.device("cpu"))) {
            NDArray permuted = m.arange(24f).reshape(2, 3, 4).transpose(0, 2, 1);
            assertFalse(RowMajor.is(permuted));
            NDArray copy = KernelLayout.rowMajor(permuted);
            assertTrue(RowMajor.is(copy));
            assertEquals(permuted.getShape(), copy.getShape());
            assertArrayEquals(permuted.toFloatArray(), copy.toFloatArray());
        }
    }

    @Test
    void aCpuGetsTheSameValuesWithTheInputChannelsInnermost() {
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.device("cpu"))) {
            for (Shape shape : new Shape[] {new Shape(2, 3, 4), new Shape(2, 3, 4, 5)}) {
                NDArray kernel = m.arange((float) shape.size()).reshape(shape);
                NDArray laidOut = KernelLayout.of(kernel);
                assertEquals(shape, laidOut.getShape());
                assertArrayEquals(kernel.toFloatArray(), laidOut.toFloatArray());
                assertFalse(RowMajor.is(laidOut));
                // Moving the channels last gives a row-major array: they are innermost in memory.
                int[] last = shape.dimension() == 3 ? new int[] {0, 2, 1} : new int[] {0, 2, 3, 1};
                assertTrue(RowMajor.is(laidOut.transpose(last)));
            }
            NDArray tapView = m.arange(24f).reshape(2, 4, 3).transpose(0, 2, 1);
            assertEquals(tapView.getShape(), KernelLayout.of(tapView).getShape());
        }
    }

    /** The other kind of kernel: a row-major parameter, as DJL's own Conv1d blocks hold. */
    @ParameterizedTest
    @CsvSource({"2, 4, 3, 3, 1", "4, 8, 8, 5, 2"})
    void onACpuARowMajorKernelLaidOutForItsDeviceHasTheRightBackwardPass(
            int batch, int channels, int filters, int k, int padding) {
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.device("cpu"))) {
            DjlRuntime.engine().setRandomSeed(5);
            NDArray x = m.randomNormal(new Shape(batch, channels, 23));
            NDArray kernel = m.randomNormal(new Shape(filters, channels, k));
            NDArray r = m.randomNormal(new Shape(batch, filters, 23 + 2 * padding - k + 1));
            assertEquals(0, LoopConv1d.inputGradientError(x, KernelLayout.of(kernel), r, padding), 1e-4);
        }
    }

    /**
     * What the CPU's layout relies on: with the permuted (channels-last) kernel of a tap layout, the
     * engine's input gradient equals the loops' ({@code ConvBackwardProbe} shows the row-major one
     * does not, on PyTorch 2.7.1's CPU build).
     */
    @ParameterizedTest
    @CsvSource({"2, 4, 3, 3, 1", "2, 4, 3, 2, 0", "4, 8, 8, 5, 2", "2, 16, 4, 9, 4"})
    void onACpuThePermutedKernelsBackwardPassMatchesLoops(int batch, int channels, int filters, int k, int padding) {
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.device("cpu"))) {
            DjlRuntime.engine().setRandomSeed(5);
            int length = 23;
            NDArray x = m.randomNormal(new Shape(batch, channels, length));
            NDArray mix = m.randomNormal(new Shape(filters, k * channels, 1));
            NDArray r = m.randomNormal(new Shape(batch, filters, length + 2 * padding - k + 1));
            NDArray kernel = TapConv1d.kernelWeights(mix, k);
            assertEquals(0, LoopConv1d.inputGradientError(x, kernel, r, padding), 1e-4);
        }
    }
}
