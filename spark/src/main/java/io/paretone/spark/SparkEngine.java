package io.paretone.spark;

import io.paretone.search.trial.SearchJson;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import io.paretone.search.worker.BlockingWorker;
import io.paretone.search.worker.EngineRequest;
import io.paretone.search.worker.FromWorker;
import io.paretone.search.worker.ToWorker;
import io.paretone.search.worker.TrialEngine;
import io.paretone.search.worker.WorkerSetup;
import io.paretone.spaces.check.InvalidValueException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a study's trials as Apache Spark tasks. The driver (this process) keeps the search and the
 * trial store; each candidate is one Spark job of one task, submitted asynchronously, so its
 * outcome reaches the scheduler, and the store, the moment its task ends, whatever the others do:
 * an executor lost later loses no finished trial. The task trains the candidate in a worker process
 * on the executor's machine, on the GPU Spark assigned to it ({@link TaskWorkers}). At most one
 * trial per slot runs at once; there are as many slots as the study's workers ({@code --workers}),
 * so set that to the cluster's GPUs (or task slots).
 *
 * <p>Before the search, the driver trains (or loads) the quality judge in a worker of its own and
 * broadcasts it, so every executor scores with the same weights, then a set-up job starts one
 * worker per slot on the executors. Spark retries a task lost to the cluster (an executor lost, a
 * worker that cannot start) up to {@code spark.task.maxFailures} times; a job that still fails is
 * a FAILED trial with Spark's reason. A candidate that fails by itself comes back FAILED from its
 * task and is not retried. The engine's energy is every worker's own measurement, the driver's
 * judge worker included, added up over executors.
 */
final class SparkEngine implements TrialEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SparkEngine.class);
    private static final double JUDGE_START_TIMEOUT_SECONDS = 3600;

    private final EngineRequest request;
    private final List<TaskSlot> slots = new ArrayList<>();
    private final BlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final ExecutorService waiters = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "spark-trial-waiter");
        t.setDaemon(true);
        return t;
    });
    /** Each worker's latest cumulative energy, by executor and worker. */
    private final Map<String, Double> joulesByWorker = new LinkedHashMap<>();

    private final Set<String> meters = new LinkedHashSet<>();
    private final Set<String> energy = new LinkedHashSet<>();
    private JavaSparkContext spark;
    private TrialTask task;
    private double[] fingerprint;
    private String proxyDescription = "";

    /** One trial in flight at a time. */
    private static final class TaskSlot implements Slot {
        private final String name;
        private Integer trial;

        TaskSlot(int index) {
            this.name = "spark-task-" + (index + 1);
        }

        @Override
        public String worker() {
            return name;
        }

        @Override
        public String device() {
            return "assigned by Spark";
        }
    }

    /** A job's end: its task's outcome, or why the job failed for good. */
    private record Done(TaskSlot slot, int trial, TaskOutcome outcome, String failure) {}

    SparkEngine(EngineRequest request) {
        if (request.pruning()) {
            throw SparkEngineProvider.noPruning();
        }
        this.request = request;
        for (int i = 0; i < request.devices().size(); i++) {
            slots.add(new TaskSlot(i));
        }
    }

    @Override
    public void start() {
        SparkConf conf = new SparkConf(); // takes spark.* system properties, as spark-submit sets them
        if (request.engine().master() != null) {
            conf.setMaster(request.engine().master());
        } else if (!conf.contains("spark.master")) {
            throw new InvalidValueException(
                    "master",
                    "(none)",
                    "give the Spark master with --master, such as"
                            + " spark://host:7077, or local[2] to try it on this machine");
        }
        conf.setIfMissing("spark.app.name", "paretone " + request.study());
        boolean local = conf.get("spark.master").startsWith("local");
        if (!local && !conf.contains("spark.jars")) {
            // Executors load paretone's classes from the driver's jars.
            conf.setJars(
                    ApplicationJars.of(System.getProperty("java.class.path")).toArray(String[]::new));
        }
        spark = new JavaSparkContext(conf);
        LOG.info(
                "Spark engine on {} ({} slots), application {}",
                conf.get("spark.master"),
                slots.size(),
                spark.sc().applicationId());

        WorkerSetup setup = request.setup();
        prepareJudge(setup);
        Path data = Path.of(setup.dataFile());
        spark.addFile(data.toString());
        TaskWorkers workers = new TaskWorkers(
                setup,
                data.getFileName().toString(),
                spark.broadcast(JudgeFiles.collect(Path.of(setup.cacheDir()), setup.datasetHash())),
                local,
                request.launch());
        task = new TrialTask(workers, request.trialTimeoutSeconds());
        startExecutorWorkers(workers);
    }

    /**
     * Trains (or loads from the study's cache) the quality judge in a worker on this machine, so
     * that the executors get it ready-made. Its energy is the study's, like any worker's set-up.
     */
    private void prepareJudge(WorkerSetup study) {
        WorkerSetup judgeOnly = new WorkerSetup(
                "spark-driver-judge",
                study.families(),
                "cpu",
                study.dataFile(),
                study.datasetHash(),
                study.qualityProxy(),
                study.qualityClips(),
                study.qualityClipSamples(),
                study.studySeed(),
                study.energy(),
                study.cacheDir(),
                null,
                false);
        try (BlockingWorker w = BlockingWorker.start(request.launch(), judgeOnly, 0, JUDGE_START_TIMEOUT_SECONDS)) {
            proxyDescription = w.ready().proxyDescription();
            joulesByWorker.put("driver/" + w.id(), w.ready().setupJoules());
        }
    }

    /** One set-up task per slot; fails the study if the executors cannot start workers even after Spark's retries. */
    private void startExecutorWorkers(TaskWorkers workers) {
        spark.setJobDescription("paretone " + request.study() + ": start workers");
        List<String> outcomes;
        try {
            outcomes = spark.parallelize(
                            IntStream.range(0, slots.size()).boxed().toList(), slots.size())
                    .map(new SetUpTask(workers))
                    .collect();
        } catch (Exception e) { // Spark throws its checked SparkException undeclared
            throw new IllegalStateException(
                    "the Spark executors could not start paretone workers, even after Spark's"
                            + " retries: " + firstLine(e.getMessage())
                            + ". If that names a GPU, check that the executors'"
                            + " GPUs work with PyTorch (the CUDA jar on their class path, docs/spark.md),"
                            + " or run without spark.executor/task.resource.gpu.amount to train on their CPUs",
                    e);
        }
        for (String json : outcomes) {
            TaskOutcome o = SearchJson.read(json, TaskOutcome.class);
            record(o);
            LOG.info(
                    "worker {} ready on {} ({}), meter {}",
                    o.worker(),
                    o.where(),
                    o.ready().device(),
                    o.ready().meter());
        }
    }

    @Override
    public Optional<? extends Slot> idleSlot() {
        return slots.stream().filter(s -> s.trial == null).findFirst();
    }

    @Override
    public void dispatch(Slot slot, ToWorker.Evaluate evaluate) {
        TaskSlot s = (TaskSlot) slot;
        s.trial = evaluate.trial();
        spark.setJobDescription("paretone " + request.study() + " trial " + evaluate.trial());
        JavaFutureAction<List<String>> job = spark.parallelize(List.of(SearchJson.write(evaluate)), 1)
                .map(task)
                .collectAsync();
        waiters.submit(() -> done.add(await(s, evaluate.trial(), job)));
    }

    private static Done await(TaskSlot slot, int trial, JavaFutureAction<List<String>> job) {
        try {
            TaskOutcome outcome = SearchJson.read(job.get().get(0), TaskOutcome.class);
            return new Done(slot, trial, outcome, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.warn("Spark job of trial {} failed", trial, cause);
            return new Done(
                    slot,
                    trial,
                    null,
                    "its Spark task failed, and failed again on each of Spark's retries" + " (spark.task.maxFailures): "
                            + firstLine(cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Done(slot, trial, null, "the driver stopped waiting for its Spark task");
        } catch (RuntimeException e) {
            return new Done(slot, trial, null, "its Spark job could not run: " + e);
        }
    }

    @Override
    public void verdict(Slot slot, ToWorker.Verdict verdict) {
        // Not reached: the engine refuses studies that prune, and tasks answer checkpoints themselves.
    }

    @Override
    public Event next(long timeoutMillis) {
        Done d;
        try {
            d = done.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark tasks", e);
        }
        if (d == null) {
            return null;
        }
        d.slot().trial = null;
        if (d.failure() != null) {
            return new Event.Lost(d.slot(), d.trial(), d.failure());
        }
        TaskOutcome o = d.outcome();
        record(o);
        FromWorker.Finished f = o.finished();
        TrialOutcome r = f.result();
        LOG.info(
                "trial {} {} on {}, worker {}, {}{}",
                f.trial(),
                r.status(),
                o.where(),
                o.worker(),
                o.device(),
                o.attempt() > 0 ? ", Spark's attempt " + (o.attempt() + 1) : "");
        if (r.status() == TrialStatus.FAILED && r.reason() != null) {
            // A worker that died leaves no provenance: the reason keeps where it ran.
            r = r.withReason(r.reason() + " (" + o.where() + ")");
            f = new FromWorker.Finished(f.trial(), r, f.workerJoules());
        }
        return new Event.Message(d.slot(), f);
    }

    /** Takes a task's word on its worker: the energy so far, the meter, the proxy's calibration. */
    private void record(TaskOutcome o) {
        checkFingerprint(o);
        joulesByWorker.merge(o.executor() + "/" + o.worker(), o.workerJoules(), Math::max);
        meters.add(o.ready().meter());
        energy.add(o.ready().energy());
    }

    @Override
    public List<String> devices() {
        return slots.stream().map(TaskSlot::device).toList();
    }

    @Override
    public String energyDescription() {
        return "Spark executors' workers: " + String.join("; ", energy);
    }

    @Override
    public String meterName() {
        return String.join(",", meters);
    }

    @Override
    public String proxyDescription() {
        return proxyDescription;
    }

    @Override
    public double workerJoules() {
        return joulesByWorker.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Override
    public void close() {
        try {
            if (spark != null) {
                spark.cancelAllJobs();
                spark.stop();
            }
        } catch (RuntimeException e) {
            LOG.warn("stopping Spark: {}", e.toString());
        } finally {
            waiters.shutdownNow();
            ExecutorWorkers.closeAll();
        }
    }

    private void checkFingerprint(TaskOutcome o) {
        double[] theirs = o.ready().proxyFingerprint();
        if (fingerprint == null) {
            fingerprint = theirs;
        } else if (!Arrays.equals(fingerprint, theirs)) {
            throw new IllegalStateException(
                    "worker " + o.worker() + " on " + o.where() + " calibrated the quality proxy"
                            + " differently (" + Arrays.toString(theirs) + " vs " + Arrays.toString(fingerprint)
                            + "); its"
                            + " scores would not be comparable. Check that every machine runs the same paretone, Java and PyTorch");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no reason given";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** For logs. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SparkEngine[%d slots]", slots.size());
    }
}
