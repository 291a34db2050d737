package io.paretone.evaluators.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.DeviceClips;
import io.paretone.spaces.training.TrainingClip;
import io.paretone.spaces.training.TrainingData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CropDrawsTest {
    private static TrainingData data() {
        List<TrainingClip> clips = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            float[] x = new float[40 + 10 * c];
            for (int i = 0; i < x.length; i++) {
                x[i] = (100 * c + i) / 1000f;
            }
            clips.add(new TrainingClip(x, new ClipLabel(0, ClipLabel.NO_PITCH)));
        }
        return new TrainingData(16_000, clips, 1);
    }

    /** The positions of {@code batches} consecutive batches of 4 crops of 6, for an engine seed. */
    private static long[][] batches(DeviceClips clips, long seed, int batches) {
        DjlRuntime.engine().setRandomSeed((int) seed);
        long[][] out = new long[batches][];
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                CropDraws draws = new CropDraws(clips)) {
            for (int b = 0; b < batches; b++) {
                out[b] = draws.next(m, 4, 6).toLongArray();
            }
        }
        return out;
    }

    @Test
    void aSeedGivesTheSameBatchesAcrossADrawBoundaryAndEachBatchIsANewOne() {
        int batches = CropDraws.BATCHES_PER_DRAW + 6;
        try (DeviceClips clips = new DeviceClips(data(), Device.cpu())) {
            long[][] a = batches(clips, 3, batches);
            long[][] b = batches(clips, 3, batches);
            long[][] c = batches(clips, 4, batches);
            for (int i = 0; i < batches; i++) {
                assertArrayEquals(a[i], b[i], "batch " + i);
                for (int row = 0; row < 4; row++) {
                    for (int j = 1; j < 6; j++) {
                        assertEquals(a[i][row * 6] + j, a[i][row * 6 + j], "a crop is a run of positions");
                    }
                }
            }
            assertFalse(Arrays.deepEquals(a, c), "another seed, other batches");
            assertFalse(
                    Arrays.equals(a[CropDraws.BATCHES_PER_DRAW - 1], a[CropDraws.BATCHES_PER_DRAW]),
                    "the first batch of the next draw is not the last one again");
        }
    }
}
