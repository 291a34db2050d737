package io.paretone.evaluators.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.paretone.spaces.training.DeviceClips;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The crops of one training run, their starts drawn {@link #BATCHES_PER_DRAW} batches at a time.
 * Drawing a batch's starts is five or six small kernels (two random draws, two gathers, a modulo,
 * an addition); on a GPU each costs the host about as much as a convolution of a small model, so a
 * batch read from a row of starts drawn earlier costs one addition instead. The draws come from the
 * engine's seeded generator, as before, so a seed still gives the same batches.
 */
final class CropDraws implements AutoCloseable {
    /** Batches whose starts are drawn at once: a few KB of int64 per draw, beyond any step's use. */
    static final int BATCHES_PER_DRAW = 64;

    private final DeviceClips clips;
    private final Map<List<Integer>, Cursor> cursors = new HashMap<>();

    CropDraws(DeviceClips clips) {
        this.clips = clips;
    }

    /** The next batch of crops of this shape: int64 positions {@code [batch, length]}, made in {@code into}. */
    NDArray next(NDManager into, int batchSize, int length) {
        Cursor c = cursors.computeIfAbsent(List.of(batchSize, length), k -> new Cursor());
        if (c.starts == null || c.next == c.starts.batches()) {
            if (c.starts != null) {
                c.starts.close();
            }
            c.starts = clips.cropStarts(BATCHES_PER_DRAW, batchSize, length);
            c.next = 0;
        }
        return c.starts.positions(into, c.next++);
    }

    /** Frees the starts drawn and not yet read. */
    @Override
    public void close() {
        for (Cursor c : cursors.values()) {
            if (c.starts != null) {
                c.starts.close();
            }
        }
        cursors.clear();
    }

    private static final class Cursor {
        private DeviceClips.CropStarts starts;
        private long next;
    }
}
