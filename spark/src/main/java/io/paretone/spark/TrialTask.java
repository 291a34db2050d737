package io.paretone.spark;

import io.paretone.search.SearchJson;
import io.paretone.search.worker.BlockingWorker;
import io.paretone.search.worker.FromWorker;
import io.paretone.search.worker.ToWorker;
import io.paretone.search.worker.WorkerLaunch;
import io.paretone.search.worker.WorkerSetup;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.resource.ResourceInformation;

/**
 * One candidate as a Spark task, run on an executor: it takes a worker process of this executor
 * (started on the GPU Spark assigned to the task, or on the CPU), has it train and measure the
 * candidate, and returns the outcome as JSON. A candidate that fails by itself (NaN, out of
 * memory, a crash, a timeout) is returned as a FAILED outcome, not thrown, so Spark does not retry
 * it; only what fails around the candidate (a worker that cannot start, a lost executor) fails the
 * task, and Spark retries that on another attempt.
 */
final class TrialTask implements Function<String, String> {
    private static final long serialVersionUID = 1L;
    /** The name of Spark's GPU resource. */
    static final String GPU = "gpu";
    private static final double START_TIMEOUT_SECONDS = 600;

    private final String setupJson;
    private final String dataFileName;
    private final boolean keepSamples;
    private final String mainClass;
    private final int heapMegabytes;
    private final double trialTimeoutSeconds;

    /**
     * @param setup the study's worker set-up, as on the driver
     * @param dataFileName the study's data file, shipped with {@code SparkContext.addFile}
     * @param keepSamples whether executors may write WAV samples to the driver's samples folder
     *     (true only when they share its file system)
     */
    TrialTask(WorkerSetup setup, String dataFileName, boolean keepSamples, WorkerLaunch launch, double trialTimeoutSeconds) {
        this.setupJson = SearchJson.write(setup);
        this.dataFileName = dataFileName;
        this.keepSamples = keepSamples;
        this.mainClass = launch.mainClass();
        this.heapMegabytes = launch.heapMegabytes();
        this.trialTimeoutSeconds = trialTimeoutSeconds;
    }

    @Override
    public String call(String evaluateJson) {
        ToWorker.Evaluate request = SearchJson.read(evaluateJson, ToWorker.Evaluate.class);
        TaskContext task = TaskContext.get();
        String device = device(task.resourcesJMap());
        int threads = device.startsWith("gpu") ? 0 : task.cpus();
        String executor = SparkEnv.get().executorId();
        WorkerSetup study = SearchJson.read(setupJson, WorkerSetup.class);
        String dataFile = SparkFiles.get(dataFileName);
        String key = device + "|" + threads + "|" + setupJson;
        ExecutorWorkers.Lent lent = ExecutorWorkers.borrow(key, () -> {
            String id = "spark-" + executor + "-w" + ExecutorWorkers.nextNumber();
            WorkerSetup setup = new WorkerSetup(id, study.family(), device, dataFile, study.datasetHash(),
                    study.qualityProxy(), study.qualityClips(), study.qualityClipSamples(), study.studySeed(),
                    study.energy(), keepSamples ? study.samplesDir() : null, study.warmUp());
            WorkerLaunch here = WorkerLaunch.ofThisJvm(mainClass, heapMegabytes);
            WorkerLaunch launch = new WorkerLaunch(here.java(), WorkerClasspath.ofThisTask(), mainClass, heapMegabytes,
                    here.properties());
            return BlockingWorker.start(launch, setup, threads, START_TIMEOUT_SECONDS);
        });
        BlockingWorker worker = lent.worker();
        FromWorker.Ready ready = worker.ready();
        FromWorker.Finished finished;
        try {
            finished = worker.evaluate(request, trialTimeoutSeconds);
        } finally {
            ExecutorWorkers.giveBack(key, worker);
        }
        return SearchJson.write(new TaskOutcome(executor, worker.id(), device,
                ready.proxyFingerprint(), lent.fresh() ? ready.setupJoules() : 0, finished));
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
