package io.paretone.spark;

import io.paretone.search.trial.Provenances;
import io.paretone.search.trial.SearchJson;
import io.paretone.search.worker.BlockingWorker;
import io.paretone.search.worker.FromWorker;
import io.paretone.search.worker.WorkerLaunch;
import io.paretone.search.worker.WorkerSetup;
import java.io.Serializable;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.resource.ResourceInformation;

/**
 * The executor side of every paretone task: finds the device Spark assigned to the task, lends the
 * task a worker process of this executor for that device (starting one if none is idle), and
 * describes where it ran. It is shipped to executors with each task, so it holds only the study's
 * set-up as JSON and what the driver shipped: the data file's name ({@code SparkContext.addFile})
 * and the trained quality judge (a broadcast).
 */
final class TaskWorkers implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The name of Spark's GPU resource. */
    static final String GPU = "gpu";

    private static final double START_TIMEOUT_SECONDS = 600;

    private final String setupJson;
    private final String dataFileName;
    private final Broadcast<Map<String, byte[]>> judge;
    private final boolean keepSamples;
    private final String mainClass;
    private final int heapMegabytes;

    /**
     * @param setup the study's worker set-up, as on the driver
     * @param dataFileName the study's data file, shipped with {@code SparkContext.addFile}
     * @param judge the driver's trained judge files, see {@link JudgeFiles}
     * @param keepSamples whether executors may write WAV samples to the driver's samples folder
     *     (true only when they share its file system)
     */
    TaskWorkers(
            WorkerSetup setup,
            String dataFileName,
            Broadcast<Map<String, byte[]>> judge,
            boolean keepSamples,
            WorkerLaunch launch) {
        this.setupJson = SearchJson.write(setup);
        this.dataFileName = dataFileName;
        this.judge = judge;
        this.keepSamples = keepSamples;
        this.mainClass = launch.mainClass();
        this.heapMegabytes = launch.heapMegabytes();
    }

    /**
     * Runs {@code work} with a worker of this executor for the task's device, then keeps the worker
     * for the next task unless it died.
     *
     * @param work gets the worker; returns the candidate's outcome, or null for a set-up task
     * @throws IllegalStateException if no worker can start here: the task fails, and Spark retries it
     */
    TaskOutcome run(Function<BlockingWorker, FromWorker.Finished> work) {
        TaskContext task = TaskContext.get();
        String device = device(task.resourcesJMap());
        // A GPU worker gets PyTorch's default threads; a CPU worker the cores Spark gave its task.
        int threads = device.startsWith(GPU) ? 0 : task.cpus();
        String executor = SparkEnv.get().executorId();
        String key = device + "|" + threads + "|" + setupJson;
        BlockingWorker worker = ExecutorWorkers.borrow(key, () -> start(executor, device, threads));
        FromWorker.Finished finished;
        try {
            finished = work.apply(worker);
        } finally {
            ExecutorWorkers.giveBack(key, worker);
        }
        return new TaskOutcome(
                executor, Provenances.hostName(), task.attemptNumber(), worker.id(), device, worker.ready(), finished);
    }

    private BlockingWorker start(String executor, String device, int threads) {
        WorkerSetup study = SearchJson.read(setupJson, WorkerSetup.class);
        String id = "spark-" + executor + "-w" + ExecutorWorkers.nextNumber();
        WorkerSetup setup = new WorkerSetup(
                id,
                study.families(),
                device,
                SparkFiles.get(dataFileName),
                study.datasetHash(),
                study.qualityProxy(),
                study.qualityClips(),
                study.qualityClipSamples(),
                study.studySeed(),
                study.energy(),
                JudgeFiles.unpackHere(judge.value()).toString(),
                keepSamples ? study.samplesDir() : null,
                study.warmUp());
        // This executor's java and class path (with the jars Spark fetched for the task), the study's main class and
        // heap.
        return BlockingWorker.start(
                WorkerLaunch.ofThisJvm(mainClass, heapMegabytes), setup, threads, START_TIMEOUT_SECONDS);
    }

    /** {@code gpu:N} for the first GPU address Spark assigned to the task; {@code cpu} without one. */
    static String device(Map<String, ResourceInformation> resources) {
        ResourceInformation gpus = resources.get(GPU);
        if (gpus == null || gpus.addresses().length == 0) {
            return "cpu";
        }
        return "gpu:" + gpus.addresses()[0].trim();
    }
}
