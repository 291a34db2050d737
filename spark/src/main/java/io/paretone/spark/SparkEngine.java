package io.paretone.spark;

import io.paretone.search.SearchJson;
import io.paretone.search.TrialStatus;
import io.paretone.search.worker.EngineRequest;
import io.paretone.search.worker.FromWorker;
import io.paretone.search.worker.ToWorker;
import io.paretone.search.worker.TrialEngine;
import io.paretone.spaces.check.InvalidValueException;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a study's trials as Apache Spark tasks. The driver (this process) keeps the search and the
 * trial store; each candidate is one Spark job of one task, submitted asynchronously, so its
 * outcome reaches the scheduler, and the store, the moment its task ends, whatever the others do.
 * The task trains the candidate in a worker process on the executor's machine, on the GPU Spark
 * assigned to it ({@link TrialTask}). At most one trial per slot runs at once; there are as many
 * slots as the study's workers ({@code --workers}), so set that to the cluster's GPUs (or task
 * slots).
 *
 * <p>Spark retries a task lost to the cluster (an executor lost, a worker that cannot start) up to
 * {@code spark.task.maxFailures} times; a job that still fails is a FAILED trial with Spark's
 * reason. A candidate that fails by itself comes back FAILED from the task and is not retried.
 */
final class SparkEngine implements TrialEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SparkEngine.class);

    private final EngineRequest request;
    private final List<TaskSlot> slots = new ArrayList<>();
    private final BlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final ExecutorService waiters = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "spark-trial-waiter");
        t.setDaemon(true);
        return t;
    });
    private JavaSparkContext spark;
    private TrialTask task;
    private double[] fingerprint;
    private double joules;

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
            throw new InvalidValueException("engine", "spark", "the Spark engine does not prune yet (a checkpoint"
                    + " verdict needs a round trip to the driver mid-task); run it without --prune-at, or use the local engine");
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
            throw new InvalidValueException("master", "(none)", "give the Spark master with --master, such as"
                    + " spark://host:7077, or local[2] to try it on this machine");
        }
        conf.setIfMissing("spark.app.name", "paretone " + request.study());
        boolean local = conf.get("spark.master").startsWith("local");
        if (!local && !conf.contains("spark.jars")) {
            // Executors load paretone's classes from the driver's jars.
            conf.setJars(jarsOnClassPath());
        }
        spark = new JavaSparkContext(conf);
        Path data = Path.of(request.setup().dataFile());
        spark.addFile(data.toString());
        task = new TrialTask(request.setup(), data.getFileName().toString(), local, request.launch(),
                request.trialTimeoutSeconds());
        LOG.info("Spark engine on {} ({} slots), application {}", conf.get("spark.master"), slots.size(),
                spark.sc().applicationId());
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
        JavaFutureAction<List<String>> job = spark.parallelize(List.of(SearchJson.write(evaluate)), 1).map(task).collectAsync();
        waiters.submit(() -> done.add(await(s, evaluate.trial(), job)));
    }

    private static Done await(TaskSlot slot, int trial, JavaFutureAction<List<String>> job) {
        try {
            TaskOutcome outcome = SearchJson.read(job.get().get(0), TaskOutcome.class);
            return new Done(slot, trial, outcome, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.warn("Spark job of trial {} failed", trial, cause);
            return new Done(slot, trial, null, "its Spark task failed after Spark's retries: " + firstLine(cause.getMessage()));
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
        checkFingerprint(o);
        FromWorker.Finished f = o.finished();
        joules += o.setupJoules() + f.trialJoules();
        LOG.info("trial {} {} on executor {}, worker {}, {}", f.trial(), f.status(), o.executor(), o.worker(), o.device());
        if (f.status() == TrialStatus.FAILED && f.reason() != null) {
            f = new FromWorker.Finished(f.trial(), f.status(), f.reason() + " (Spark executor " + o.executor() + ")",
                    f.objectives(), f.metrics(), f.provenance(), f.pruning(), f.trialJoules(), f.workerJoules());
        }
        return new Event.Message(d.slot(), f);
    }

    @Override
    public List<String> devices() {
        return slots.stream().map(TaskSlot::device).toList();
    }

    @Override
    public double workerJoules() {
        return joules;
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
        if (fingerprint == null) {
            fingerprint = o.proxyFingerprint();
        } else if (!Arrays.equals(fingerprint, o.proxyFingerprint())) {
            throw new IllegalStateException("worker " + o.worker() + " on executor " + o.executor()
                    + " calibrated the quality proxy differently (" + Arrays.toString(o.proxyFingerprint()) + " vs "
                    + Arrays.toString(fingerprint) + "); its scores would not be comparable. Check that every machine"
                    + " runs the same paretone, Java and PyTorch");
        }
    }

    private static String[] jarsOnClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.endsWith(".jar"))
                .toArray(String[]::new);
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
