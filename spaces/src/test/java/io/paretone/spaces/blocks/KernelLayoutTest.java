package io.paretone.spaces.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.runtime.DjlRuntime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

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
    void aCpuKeepsThePermutedKernel() {
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.device("cpu"))) {
            NDArray permuted = m.arange(24f).reshape(2, 3, 4).transpose(0, 2, 1);
            assertSame(permuted, KernelLayout.forDevice(permuted));
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
