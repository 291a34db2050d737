package io.paretone.spaces.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.audio.MuLaw;
import io.paretone.spaces.runtime.DjlRuntime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceClipsTest {
    private static final int[] LENGTHS = {50, 60, 70, 5};

    /** Clip c holds (100 c + i) / 1000 at sample i: every value says which clip and sample it is. */
    private static TrainingData data() {
        List<TrainingClip> clips = new ArrayList<>();
        for (int c = 0; c < LENGTHS.length; c++) {
            float[] x = new float[LENGTHS[c]];
            for (int i = 0; i < x.length; i++) {
                x[i] = value(c, i);
            }
            clips.add(new TrainingClip(x, new ClipLabel(0, ClipLabel.NO_PITCH)));
        }
        return new TrainingData(16_000, clips, 1);
    }

    private static float value(int clip, int sample) {
        return (100 * clip + sample) / 1000f;
    }

    @Test
    void cropsAreRunsOfOneClipFromAUniformStartWithSilencePastAShortClip() {
        DjlRuntime.engine().setRandomSeed(11);
        int length = 8;
        int[] drawn = new int[LENGTHS.length];
        try (DeviceClips clips = new DeviceClips(data(), Device.cpu());
                NDManager m = NDManager.newBaseManager(Device.cpu())) {
            float[] x = clips.samplesAt(m, clips.cropPositions(m, 400, length)).toFloatArray();
            for (int b = 0; b < 400; b++) {
                int first = Math.round(x[b * length] * 1000);
                int clip = first / 100;
                int start = first % 100;
                drawn[clip]++;
                assertTrue(start <= Math.max(0, LENGTHS[clip] - length), "start " + start + " of clip " + clip);
                for (int j = 0; j < length; j++) {
                    float expected = start + j < LENGTHS[clip] ? value(clip, start + j) : 0f;
                    assertEquals(expected, x[b * length + j], "row " + b + " position " + j);
                }
            }
        }
        for (int c = 0; c < LENGTHS.length; c++) {
            // Each clip has probability 1/4: 100 expected of 400, sd 8.7.
            assertTrue(drawn[c] > 60 && drawn[c] < 140, "clip " + c + " drawn " + drawn[c] + " times");
        }
    }

    @Test
    void startsDrawnForManyBatchesGiveEachBatchValidCropsSilenceIncluded() {
        DjlRuntime.engine().setRandomSeed(12);
        int length = 8;
        int batches = 30;
        int batch = 10;
        try (DeviceClips clips = new DeviceClips(data(), Device.cpu());
                NDManager m = NDManager.newBaseManager(Device.cpu());
                DeviceClips.CropStarts starts = clips.cropStarts(batches, batch, length)) {
            assertEquals(batches, starts.batches());
            java.util.Set<String> distinct = new java.util.HashSet<>();
            for (int row = 0; row < batches; row++) {
                NDArray positions = starts.positions(m, row);
                assertEquals(new Shape(batch, length), positions.getShape());
                float[] x = clips.samplesAt(m, positions).toFloatArray();
                distinct.add(java.util.Arrays.toString(x));
                for (int b = 0; b < batch; b++) {
                    int first = Math.round(x[b * length] * 1000);
                    int clip = first / 100;
                    int start = first % 100;
                    for (int j = 0; j < length; j++) {
                        float expected = start + j < LENGTHS[clip] ? value(clip, start + j) : 0f;
                        assertEquals(expected, x[b * length + j], "batch " + row + " row " + b + " position " + j);
                    }
                }
            }
            assertEquals(batches, distinct.size(), "every batch is a draw of its own");
        }
    }

    @Test
    void codesAreTheCodedSamplesOfTheSameDrawSilenceIncluded() {
        int length = 6;
        try (DeviceClips clips = new DeviceClips(data(), Device.cpu());
                NDManager m = NDManager.newBaseManager(Device.cpu())) {
            DjlRuntime.engine().setRandomSeed(5);
            NDArray positions = clips.cropPositions(m, 50, length);
            float[] x = clips.samplesAt(m, positions).toFloatArray();
            float[] classes =
                    clips.codesAt(m, positions, SampleCode.MU_LAW_CLASSES).toFloatArray();
            float[] decoded =
                    clips.codesAt(m, positions, SampleCode.MU_LAW_DECODED).toFloatArray();
            for (int i = 0; i < x.length; i++) {
                assertEquals(MuLaw.encode(x[i]), classes[i], "position " + i);
                assertEquals(MuLaw.decode(MuLaw.encode(x[i])), decoded[i], "position " + i);
            }
        }
    }

    @Test
    void classesAreTheCodesOfTheSameDrawAsInt64() {
        try (DeviceClips clips = new DeviceClips(data(), Device.cpu());
                NDManager m = NDManager.newBaseManager(Device.cpu())) {
            DjlRuntime.engine().setRandomSeed(5);
            NDArray positions = clips.cropPositions(m, 50, 6);
            float[] x = clips.samplesAt(m, positions).toFloatArray();
            NDArray classes = clips.classesAt(m, positions, SampleCode.MU_LAW_CLASSES);
            assertEquals(DataType.INT64, classes.getDataType());
            assertEquals(positions.getShape(), classes.getShape());
            long[] c = classes.toLongArray();
            for (int i = 0; i < x.length; i++) {
                assertEquals(MuLaw.encode(x[i]), c[i], "position " + i);
            }
        }
    }

    @Test
    void theSameEngineSeedDrawsTheSameBatches() {
        try (DeviceClips clips = new DeviceClips(data(), Device.cpu());
                NDManager m = NDManager.newBaseManager(Device.cpu())) {
            DjlRuntime.engine().setRandomSeed(9);
            float[] a = clips.samplesAt(m, clips.cropPositions(m, 16, 4)).toFloatArray();
            DjlRuntime.engine().setRandomSeed(9);
            float[] b = clips.samplesAt(m, clips.cropPositions(m, 16, 4)).toFloatArray();
            float[] c = clips.samplesAt(m, clips.cropPositions(m, 16, 4)).toFloatArray();
            assertArrayEquals(a, b);
            assertTrue(!java.util.Arrays.equals(b, c), "the next batch differs");
        }
    }

    @Test
    void rowsOfAPerClipTableAreTheRowsOfTheDrawnClipsAndTheTableIsComputedOnce() {
        int[] computed = {0};
        // Row c: the clip's first 3 samples, then its length: [clips, 2, 2].
        PerClip table = new PerClip("first samples and length", (manager, clips) -> {
            computed[0]++;
            float[] t = new float[clips.size() * 4];
            for (int c = 0; c < clips.size(); c++) {
                System.arraycopy(PerClip.opening(clips.get(c), 3), 0, t, c * 4, 3);
                t[c * 4 + 3] = clips.get(c).samples().length;
            }
            return manager.create(t, new Shape(clips.size(), 2, 2));
        });
        try (DeviceClips clips = new DeviceClips(data(), Device.cpu());
                NDManager m = NDManager.newBaseManager(Device.cpu())) {
            DjlRuntime.engine().setRandomSeed(3);
            for (int round = 0; round < 2; round++) {
                NDArray drawn = clips.drawClips(m, 40);
                long[] index = drawn.toLongArray();
                NDArray rows = clips.rows(m, table, drawn);
                assertEquals(new Shape(40, 2, 2), rows.getShape());
                float[] r = rows.toFloatArray();
                for (int b = 0; b < 40; b++) {
                    int c = (int) index[b];
                    assertArrayEquals(
                            new float[] {value(c, 0), value(c, 1), value(c, 2), LENGTHS[c]},
                            java.util.Arrays.copyOfRange(r, b * 4, b * 4 + 4),
                            "row " + b + " of clip " + c);
                }
            }
        }
        assertEquals(1, computed[0]);
    }
}
