package io.paretone.search.worker;

import io.paretone.spaces.check.Check;
import io.paretone.spaces.runtime.DjlRuntime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;
import java.util.function.ToIntFunction;

/**
 * The device of each worker process, from the devices a study lists ({@code --devices 0,1}):
 * handed out in turn, so that consecutive workers land on different devices and every device gets
 * work from the first trials on. With a number of workers, worker i gets device i mod the list's
 * length. With {@code --workers auto} each listed device gets its own count (a GPU what
 * {@link WorkersPerGpu} says for it, a CPU one), and they are still handed out in turn: with 12 per
 * GPU on GPUs 0 and 1 that is 0, 1, 0, 1, ... 24 workers.
 */
public final class WorkerDevices {
    private WorkerDevices() {}

    /** {@code workers} devices from {@code devices} in turn. */
    public static List<String> inTurn(List<String> devices, int workers) {
        Check.that(!devices.isEmpty(), "devices", devices, "name at least one");
        Check.positive("workers", workers);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            out.add(devices.get(i % devices.size()));
        }
        return out;
    }

    /**
     * {@code --workers auto}: one worker per CPU listed and, on each GPU listed, what
     * {@link WorkersPerGpu} says for that GPU's memory, the host's cores shared by the listed GPUs.
     *
     * @param gpuMemory a GPU's memory in bytes by CUDA index; 0 or less when it cannot be read,
     *     which gives that GPU one worker
     * @param workerBytes one worker's peak GPU memory
     * @param busyPerWorker one worker's busy share of a GPU
     * @param cores the host's cores
     * @param notes gets the rule applied to each device, in words
     */
    public static List<String> auto(
            List<String> devices,
            IntToLongFunction gpuMemory,
            long workerBytes,
            double busyPerWorker,
            int cores,
            Consumer<String> notes) {
        int gpus = (int) devices.stream()
                .map(DjlRuntime::cudaIndex)
                .filter(i -> i >= 0)
                .distinct()
                .count();
        return perDevice(devices, device -> {
            int cuda = DjlRuntime.cudaIndex(device);
            if (cuda < 0) {
                notes.accept(device + ": 1 worker (--workers auto on a CPU)");
                return 1;
            }
            long memory = gpuMemory.applyAsLong(cuda);
            if (memory <= 0) {
                notes.accept(device + ": 1 worker (--workers auto: NVML does not see GPU " + cuda + ")");
                return 1;
            }
            WorkersPerGpu rule = new WorkersPerGpu(memory, workerBytes, busyPerWorker, cores, gpus);
            notes.accept(device + ": " + rule.describe());
            return rule.count();
        });
    }

    /** Each distinct device of {@code devices} as many times as {@code workersOn} says (at least once), in turn. */
    private static List<String> perDevice(List<String> devices, ToIntFunction<String> workersOn) {
        Check.that(!devices.isEmpty(), "devices", devices, "name at least one");
        List<String> distinct = List.copyOf(new LinkedHashSet<>(devices));
        int[] left = distinct.stream()
                .mapToInt(d -> Math.max(1, workersOn.applyAsInt(d)))
                .toArray();
        List<String> out = new ArrayList<>();
        for (boolean any = true; any; ) {
            any = false;
            for (int i = 0; i < distinct.size(); i++) {
                if (left[i] > 0) {
                    out.add(distinct.get(i));
                    left[i]--;
                    any = true;
                }
            }
        }
        return out;
    }
}
