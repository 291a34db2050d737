package io.paretone.spaces.sing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.spaces.blocks.TapConv1d;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.training.ClipLabel;
import org.junit.jupiter.api.Test;

class SingBlockTest {

    /**
     * The synthesis layer is SING's transposed convolution of stride hop and kernel 4 hop: every
     * output sample n is the sum over frames t and channels c of y[c, t] K[c, n - t hop], with
     * K[c, r + k hop] the weight of tap 3 - k, channel c for output r, computed here by that
     * definition.
     */
    @Test
    void synthesisEqualsATransposedConvolutionOfStrideHop() {
        int channels = 3;
        int hop = 4;
        int frames = 5;
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.engine().getEngineName())) {
            Block conv = new TapConv1d(4, 1, 0, hop, false);
            conv.initialize(m, DataType.FLOAT32, new Shape(1, channels, frames + 3));
            float[] w = conv.getParameters()
                    .valueAt(0)
                    .getArray()
                    .toFloatArray(); // [hop, C x 4 taps, 1], channel by channel
            NDArray y = m.randomNormal(new Shape(1, channels, frames));
            float[] yv = y.toFloatArray();
            float[] out = SingBlock.synthesize(conv, new ParameterStore(m, false), y, false)
                    .toFloatArray();
            assertEquals(frames * hop, out.length);
            for (int n = 0; n < frames * hop; n++) {
                double expected = 0;
                for (int t = 0; t < frames; t++) {
                    int offset = n - t * hop;
                    if (offset < 0 || offset >= 4 * hop) {
                        continue;
                    }
                    int r = offset % hop;
                    int k = offset / hop;
                    for (int c = 0; c < channels; c++) {
                        expected += yv[c * frames + t] * w[(r * channels + c) * 4 + (3 - k)]; // channel c at tap 3 - k
                    }
                }
                assertEquals(expected, out[n], 1e-5, "sample " + n);
            }
        }
    }

    @Test
    void conditioningRepeatsTheLabelPerFrameAndCapsPositionsAtTheTable() {
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.engine().getEngineName())) {
            int frames = SingBlock.POSITIONS + 2;
            long[] ids = SingBlock.conditioning(m, new ClipLabel[] {new ClipLabel(3, 61)}, frames)
                    .toLongArray();
            assertArrayEquals(new long[] {3, 61, 0}, java.util.Arrays.copyOfRange(ids, 0, 3));
            assertArrayEquals(
                    new long[] {3, 61, SingBlock.POSITIONS - 1},
                    java.util.Arrays.copyOfRange(ids, 3 * (frames - 1), 3 * frames));
            assertThrows(
                    InvalidValueException.class,
                    () -> SingBlock.conditioning(m, new ClipLabel[] {new ClipLabel(SingBlock.INSTRUMENTS, 60)}, 4));
        }
    }
}
