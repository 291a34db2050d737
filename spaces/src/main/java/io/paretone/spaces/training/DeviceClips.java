package io.paretone.spaces.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;

/**
 * The training clips copied once to a device, end to end, so that a batch is cut there: per batch
 * only a few random integers are drawn, by the engine's seeded generator on that device, and the
 * crop is a gather. Nothing is copied from the host per step (a host-to-device copy in DJL waits for
 * the device).
 *
 * <p>Batches follow {@link TrainingData#crops}: a clip drawn uniformly, a start drawn uniformly in it,
 * silence past the end of a clip shorter than the crop. A batch is drawn as positions in the data
 * ({@link #cropPositions}), then read as samples ({@link #samplesAt}) or as a {@link SampleCode} of
 * them ({@link #codesAt}, mu-law classes for instance), so one draw can be read both ways. A code is
 * computed once, on the host, for the whole data, when first asked for. Batches of whole clips
 * ({@link #drawClips}) read rows of {@link PerClip} tables, also computed once.
 */
public final class DeviceClips implements AutoCloseable {
    /** Draws of [0, 2^62) reduced modulo a span: the bias is below span / 2^62. */
    private static final long DRAW_RANGE = 1L << 62;

    private final TrainingData data;
    private final NDManager manager;
    private final int clips;
    private final long[] offsets;
    private final long[] lengths;
    private final long silence;
    private final int shortest;
    private final NDArray clipOffsets;
    private final Map<Integer, NDArray> spans = new HashMap<>();
    private final Map<Integer, NDArray> positions = new HashMap<>();
    private final NDArray audio;
    private final Map<String, NDArray> codes = new HashMap<>();
    private final Map<String, NDArray> classes = new HashMap<>();
    private final Map<String, NDArray> tables = new HashMap<>();
    private final Map<String, NDArray> rowStarts = new HashMap<>();
    private NDArray lengthsArray;
    private NDArray silenceArray;

    /** Copies the clips of {@code data} to {@code device}. */
    public DeviceClips(TrainingData data, Device device) {
        this.data = data;
        this.manager = NDManager.newBaseManager(device);
        this.clips = data.clips().size();
        this.offsets = new long[clips];
        this.lengths = new long[clips];
        long total = 0;
        int min = Integer.MAX_VALUE;
        for (int c = 0; c < clips; c++) {
            int n = data.clips().get(c).samples().length;
            offsets[c] = total;
            lengths[c] = n;
            total += n;
            min = Math.min(min, n);
        }
        this.silence = total;
        this.shortest = min;
        this.clipOffsets = kept(manager.create(offsets));
        float[] flat = new float[Math.toIntExact(total + 1)];
        for (int c = 0; c < clips; c++) {
            float[] x = data.clips().get(c).samples();
            System.arraycopy(x, 0, flat, (int) offsets[c], x.length);
        }
        this.audio = kept(manager.create(flat));
    }

    /** True if these are the clips of {@code data} on {@code device}. */
    public boolean holds(TrainingData data, Device device) {
        return this.data == data && manager.getDevice().equals(device);
    }

    /** The samples at {@code positions} (from {@link #cropPositions}): float32, shaped as the positions. */
    public NDArray samplesAt(NDManager into, NDArray positions) {
        return audio.take(into, positions);
    }

    /** {@code code} of the samples at {@code positions}: float32, shaped as the positions. */
    public NDArray codesAt(NDManager into, NDArray positions, SampleCode code) {
        return codeTable(code).take(into, positions);
    }

    /**
     * {@code code} of the samples at {@code positions} as int64 classes, shaped as the positions: for
     * a code of whole numbers (mu-law classes, levels) read as indices. The int64 table is made once,
     * so a batch is one gather, where a float32 gather and a cast would be two kernels per step.
     */
    public NDArray classesAt(NDManager into, NDArray positions, SampleCode code) {
        return classes.computeIfAbsent(code.key(), k -> kept(codeTable(code).toType(DataType.INT64, false)))
                .take(into, positions);
    }

    private NDArray codeTable(SampleCode code) {
        return codes.computeIfAbsent(code.key(), k -> encodeAll(code));
    }

    /** Clips drawn uniformly, their indices int64 {@code [batch]}, on the device by the engine's seeded generator. */
    public NDArray drawClips(NDManager into, int batchSize) {
        return into.randomInteger(0, clips, new Shape(batchSize), DataType.INT64);
    }

    /** The rows of {@code table} for the clips {@code clipIndices} (from {@link #drawClips}): {@code [batch, ...]}. */
    public NDArray rows(NDManager into, PerClip table, NDArray clipIndices) {
        NDArray whole = tables.computeIfAbsent(table.key(), k -> {
            NDArray t = kept(table.table().of(manager, data.clips()));
            if (t.getShape().dimension() == 0 || t.getShape().get(0) != clips) {
                throw new IllegalStateException(
                        "per-clip table " + k + " has shape " + t.getShape() + ", not one row per clip of " + clips);
            }
            return t;
        });
        Shape shape = whole.getShape();
        int rowSize = Math.toIntExact(shape.size() / clips);
        NDArray starts = rowStarts.computeIfAbsent(
                table.key(),
                k -> kept(manager.arange(0, Math.toIntExact((long) clips * rowSize), rowSize, DataType.INT64)));
        NDArray flat = starts.take(into, clipIndices).expandDims(1).add(positions(rowSize));
        long[] batchShape = shape.getShape().clone();
        batchShape[0] = clipIndices.getShape().get(0);
        return whole.take(into, flat).reshape(new Shape(batchShape));
    }

    /** The code of every sample, and of the silent one past them all. */
    private NDArray encodeAll(SampleCode code) {
        float[] c = new float[Math.toIntExact(silence + 1)];
        for (int k = 0; k < clips; k++) {
            float[] x = data.clips().get(k).samples();
            for (int i = 0; i < x.length; i++) {
                c[(int) offsets[k] + i] = code.of(x[i]);
            }
        }
        c[(int) silence] = code.of(0f);
        return kept(manager.create(c));
    }

    /**
     * Flat positions in the data of a batch of crops, int64 {@code [batch, length]}, drawn on the
     * device by the engine's seeded generator.
     */
    public NDArray cropPositions(NDManager into, int batchSize, int length) {
        try (CropStarts starts = cropStarts(1, batchSize, length)) {
            return starts.positions(into, 0);
        }
    }

    /**
     * The starts of {@code batches} batches of crops, drawn at once: a training run reads one row
     * per batch ({@link CropStarts#positions}), so the five or so small operations of a draw run
     * once per {@code batches} steps instead of at every step. Drawn as {@link #cropPositions}
     * draws, by the engine's seeded generator; the caller closes them.
     */
    public CropStarts cropStarts(int batches, int batchSize, int length) {
        Shape shape = new Shape(batches, batchSize);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray clip = manager.randomInteger(0, clips, shape, DataType.INT64);
            NDArray start = clipOffsets.take(manager, clip);
            NDArray draw = manager.randomInteger(0, DRAW_RANGE, shape, DataType.INT64);
            NDArray first = kept(start.add(draw.mod(span(length).take(manager, clip))));
            // Some clip is shorter than a crop: past its end, the crop reads the silent sample.
            NDArray end =
                    shortest >= length ? null : kept(start.add(lengthsArray().take(manager, clip)));
            return new CropStarts(first, end, length);
        }
    }

    /** Crop starts of several batches, {@code [batches, batch]}, from {@link #cropStarts}. */
    public final class CropStarts implements AutoCloseable {
        private final NDArray first;
        private final NDArray end;
        private final int length;

        private CropStarts(NDArray first, NDArray end, int length) {
            this.first = first;
            this.end = end;
            this.length = length;
        }

        /** How many batches these starts hold. */
        public long batches() {
            return first.getShape().get(0);
        }

        /** The positions of batch {@code row}'s crops, int64 {@code [batch, length]}, made in {@code into}. */
        public NDArray positions(NDManager into, long row) {
            NDArray index = first.get(into, row).expandDims(1).add(DeviceClips.this.positions(length));
            if (end == null) {
                return index;
            }
            return NDArrays.where(index.lt(end.get(into, row).expandDims(1)), index, silenceIndex());
        }

        @Override
        public void close() {
            first.close();
            if (end != null) {
                end.close();
            }
        }
    }

    /** Per clip, how many starts a crop of {@code length} has: at least 1 (a short clip starts at 0). */
    private NDArray span(int length) {
        return spans.computeIfAbsent(length, l -> {
            long[] s = new long[clips];
            for (int c = 0; c < clips; c++) {
                s[c] = Math.max(1, lengths[c] - l + 1);
            }
            return kept(manager.create(s));
        });
    }

    /** 0, 1, ..., length - 1 as int64 {@code [1, length]}. */
    private NDArray positions(int length) {
        return positions.computeIfAbsent(
                length, l -> kept(manager.arange(0, l, 1, DataType.INT64).expandDims(0)));
    }

    private NDArray lengthsArray() {
        if (lengthsArray == null) {
            lengthsArray = kept(manager.create(lengths));
        }
        return lengthsArray;
    }

    private NDArray silenceIndex() {
        if (silenceArray == null) {
            silenceArray = kept(manager.create(silence));
        }
        return silenceArray;
    }

    /** The arrays of the data live as long as it does, even when first made inside an update's scope. */
    private static NDArray kept(NDArray a) {
        NDScope.unregister(a);
        return a;
    }

    @Override
    public void close() {
        manager.close();
    }
}
