package io.paretone.search.worker;

import io.paretone.spaces.check.Check;
import java.util.Locale;

/**
 * How many workers share one GPU when {@code --workers auto}: enough to keep it busy, as many as
 * its memory holds. One worker alone leaves a GPU idle most of the time on small candidates (its
 * host-side work, data and Python-free DJL calls run between kernels), so the workers are
 * {@code ceil(target busy / one worker's busy share)}, at most what fits in
 * {@value #MEMORY_SHARE} of the GPU's memory at one worker's peak use, and at most
 * {@value #MAX_WORKERS}. Unknown figures take the defaults below, measured on an H200 with the
 * quickstart's space.
 *
 * @param gpuBytes the GPU's memory
 * @param workerBytes one worker's peak GPU memory (CUDA context, libtorch's cache, the largest candidate)
 * @param busyPerWorker the share of time one worker keeps the GPU busy, in (0, 1]
 */
public record WorkersPerGpu(long gpuBytes, long workerBytes, double busyPerWorker) {
    /** What "busy" should reach: every worker past it would only queue kernels. */
    public static final double TARGET_BUSY = 0.95;
    public static final double MEMORY_SHARE = 0.8;
    public static final int MAX_WORKERS = 12;
    /** One worker's peak GPU memory when none was measured: CUDA context and libtorch's cache on small candidates. */
    public static final long DEFAULT_WORKER_BYTES = 3L << 30;
    /** One worker's busy share when none was measured: 11% on the H200 with the quickstart (issue 17). */
    public static final double DEFAULT_BUSY_PER_WORKER = 0.11;

    public WorkersPerGpu {
        Check.that(gpuBytes > 0, "GPU memory (bytes)", gpuBytes, "must be positive");
        Check.that(workerBytes > 0, "worker GPU memory (bytes)", workerBytes, "must be positive");
        Check.that(busyPerWorker > 0 && busyPerWorker <= 1, "busy share of one worker", busyPerWorker,
                "must be in (0, 1]");
    }

    /** The workers for this GPU, at least one. */
    public int count() {
        int byBusy = (int) Math.ceil(TARGET_BUSY / busyPerWorker - 1e-9);
        int byMemory = (int) Math.floor(MEMORY_SHARE * gpuBytes / workerBytes);
        return Math.max(1, Math.min(MAX_WORKERS, Math.min(byBusy, byMemory)));
    }

    /** The rule applied, in words, for the study's log. */
    public String describe() {
        return String.format(Locale.ROOT, "%d workers per GPU (--workers auto): one keeps it %.0f%% busy, so %d reach"
                + " %.0f%%; %.1f GiB per worker fit %d times in %.0f%% of its %.0f GiB; at most %d. Override with"
                + " --workers N", count(), 100 * busyPerWorker, (int) Math.ceil(TARGET_BUSY / busyPerWorker - 1e-9),
                100 * TARGET_BUSY, workerBytes / (double) (1L << 30), (int) Math.floor(MEMORY_SHARE * gpuBytes / workerBytes),
                100 * MEMORY_SHARE, gpuBytes / (double) (1L << 30), MAX_WORKERS);
    }
}
