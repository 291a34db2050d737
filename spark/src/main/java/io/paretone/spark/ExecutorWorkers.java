package io.paretone.spark;

import io.paretone.search.worker.BlockingWorker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The worker processes of one executor JVM, kept between tasks: starting a worker loads the data,
 * calibrates the quality proxy and warms PyTorch up, which takes longer than many candidates train.
 * A worker is lent to one task at a time and kept by its set-up and device, so a task on GPU 1
 * never gets the worker of GPU 0. A worker that died is dropped. Workers end with the executor
 * (they halt when their parent's pipe closes) or with {@link #closeAll()}.
 */
final class ExecutorWorkers {
    private static final Map<String, Deque<BlockingWorker>> IDLE = new HashMap<>();
    private static int started;

    private ExecutorWorkers() {}

    /** An idle worker for {@code key}, or a new one from {@code start}. */
    static BlockingWorker borrow(String key, Supplier<BlockingWorker> start) {
        synchronized (IDLE) {
            Deque<BlockingWorker> idle = IDLE.get(key);
            while (idle != null && !idle.isEmpty()) {
                BlockingWorker w = idle.pop();
                if (w.alive()) {
                    return w;
                }
            }
        }
        return start.get();
    }

    /** Takes a worker back for the next task, unless it died. */
    static void giveBack(String key, BlockingWorker worker) {
        if (!worker.alive()) {
            worker.close();
            return;
        }
        synchronized (IDLE) {
            IDLE.computeIfAbsent(key, k -> new ArrayDeque<>()).push(worker);
        }
    }

    /** A new worker name, unique in this executor. */
    static synchronized int nextNumber() {
        return ++started;
    }

    /** Stops every idle worker of this JVM (with local masters, the driver's JVM is the executor). */
    static void closeAll() {
        List<BlockingWorker> all = new ArrayList<>();
        synchronized (IDLE) {
            IDLE.values().forEach(all::addAll);
            IDLE.clear();
        }
        all.forEach(BlockingWorker::close);
    }
}
