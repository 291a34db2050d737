package io.paretone.search.worker;

import io.paretone.spaces.check.Check;
import java.util.Locale;

/**
 * How many workers share one GPU when {@code --workers auto}: enough to keep it busy, as many as
 * its memory and the host's cores hold. One worker alone leaves a GPU idle most of the time on
 * small candidates (between kernels it builds models, scores samples and writes files on the
 * host), and several workers' kernels overlap rather than add up: on the H200, 9 workers each 11%
 * busy alone kept it 85 to 89% busy, not 99%. So the rule treats each worker as busy at random
 * times, independently of the others: n workers keep the GPU busy {@code 1 - (1 - b)^n} of the
 * time, and it takes the least n that reaches {@value #TARGET_BUSY}. That n is capped by what fits
 * in {@value #MEMORY_SHARE} of the GPU's memory at one worker's peak use, by the host's cores less
 * {@value #RESERVED_CORES}, split among the host's GPUs in the study (each worker needs a core for
 * its host-side work; one is left to the scheduling process and one to the system, once per host),
 * and by {@value #MAX_WORKERS}. Unknown figures take the defaults below, measured on an H200 with
 * the quickstart's space.
 *
 * @param gpuBytes the GPU's memory
 * @param workerBytes one worker's peak GPU memory (CUDA context, libtorch's cache, the largest candidate)
 * @param busyPerWorker the share of time one worker keeps the GPU busy, in (0, 1]
 * @param cores the host's cores ({@link Runtime#availableProcessors()})
 * @param gpus the GPUs of the host that the study's workers use, which share those cores
 */
public record WorkersPerGpu(long gpuBytes, long workerBytes, double busyPerWorker, int cores, int gpus) {
    /** What "busy" should reach: every worker past it would only queue kernels. */
    public static final double TARGET_BUSY = 0.95;

    public static final double MEMORY_SHARE = 0.8;
    public static final int MAX_WORKERS = 12;
    /** Cores not given to workers: the scheduling process's and the system's. */
    public static final int RESERVED_CORES = 2;
    /** One worker's peak GPU memory when none was measured: CUDA context and libtorch's cache on small candidates. */
    public static final long DEFAULT_WORKER_BYTES = 3L << 30;
    /** One worker's busy share when none was measured: 11% on the H200 with the quickstart (issue 17). */
    public static final double DEFAULT_BUSY_PER_WORKER = 0.11;

    public WorkersPerGpu {
        Check.that(gpuBytes > 0, "GPU memory (bytes)", gpuBytes, "must be positive");
        Check.that(workerBytes > 0, "worker GPU memory (bytes)", workerBytes, "must be positive");
        Check.that(
                busyPerWorker > 0 && busyPerWorker <= 1,
                "busy share of one worker",
                busyPerWorker,
                "must be in (0, 1]");
        Check.positive("cores", cores);
        Check.positive("GPUs", gpus);
    }

    /** The workers for this GPU, at least one. */
    public int count() {
        return Math.max(1, Math.min(MAX_WORKERS, Math.min(byBusy(), Math.min(byMemory(), byCores()))));
    }

    /** The least n with {@code 1 - (1 - b)^n >= TARGET_BUSY}. */
    int byBusy() {
        if (busyPerWorker >= TARGET_BUSY) {
            return 1;
        }
        return (int) Math.ceil(Math.log(1 - TARGET_BUSY) / Math.log(1 - busyPerWorker) - 1e-9);
    }

    private int byMemory() {
        return (int) Math.floor(MEMORY_SHARE * gpuBytes / workerBytes);
    }

    private int byCores() {
        return (cores - RESERVED_CORES) / gpus;
    }

    /** The rule applied, in words, for the study's log. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%d workers per GPU (--workers auto): one keeps it %.0f%% busy, so %d"
                        + " overlapping at random reach %.0f%%; %.1f GiB per worker fit %d times in %.0f%% of its %.0f GiB;"
                        + " %d cores less %d leave %d for workers on each of %d GPU(s); at most %d. Override with --workers N",
                count(),
                100 * busyPerWorker,
                byBusy(),
                100 * TARGET_BUSY,
                workerBytes / (double) (1L << 30),
                byMemory(),
                100 * MEMORY_SHARE,
                gpuBytes / (double) (1L << 30),
                cores,
                RESERVED_CORES,
                byCores(),
                gpus,
                MAX_WORKERS);
    }
}
