package io.paretone.search.worker;

import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker processes of a study, one per seat. The pool starts them, hands out trials, enforces
 * the per-trial timeout, and replaces a worker that dies: whatever it was training becomes a
 * {@link Event.Lost} trial with the reason (killed, crashed, out of memory, timed out), and the
 * seat gets a fresh worker. Workers that cannot start at all end the study with the reason, rather
 * than being restarted forever.
 */
public final class WorkerPool implements TrialEngine {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    /** Consecutive failed starts of one seat before the pool gives up. */
    private static final int MAX_FAILED_STARTS = 3;

    private static final long START_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final WorkerLaunch launch;
    private final WorkerSetup setup;
    private final double trialTimeoutSeconds;
    private final BlockingQueue<ProcessWorker.Event> events = new LinkedBlockingQueue<>();
    private final List<Seat> seats = new ArrayList<>();
    private double[] fingerprint;
    private String energy = "";
    private String meter = "";
    private String proxy = "";
    private int started;
    private double retiredJoules;
    private final List<SetUp> retiredSetUps = new ArrayList<>();

    /**
     * @param devices one entry per worker: the device it is given
     */
    public WorkerPool(WorkerLaunch launch, WorkerSetup setup, List<String> devices, double trialTimeoutSeconds) {
        this.launch = launch;
        this.setup = setup;
        this.trialTimeoutSeconds = trialTimeoutSeconds;
        // Every worker, GPU ones too, runs CPU work (judge scoring, data, PyTorch's host side), and
        // PyTorch's default is a thread per core in each process: several workers on one machine
        // then fight over the cores. Each gets its share; a lone worker keeps PyTorch's default.
        int cores = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < devices.size(); i++) {
            String device = devices.get(i);
            int threads = devices.size() <= 1 ? 0 : Math.max(1, cores / devices.size());
            seats.add(new Seat(i, device, threads));
        }
    }

    /** One place for a worker; it keeps its device when its worker is replaced. */
    public final class Seat implements TrialEngine.Slot {
        private final int index;
        private final String requestedDevice;
        private final int cpuThreads;
        private ProcessWorker worker;
        private String device;
        private boolean ready;
        private long startedAt;
        private int failedStarts;
        private Integer trial;
        private long deadline;
        private boolean timedOut;
        private SetUp setUp;
        private double trialJoules;

        Seat(int index, String requestedDevice, int cpuThreads) {
            this.index = index;
            this.requestedDevice = requestedDevice;
            this.cpuThreads = cpuThreads;
        }

        @Override
        public String worker() {
            return worker.id();
        }

        /** The device the worker resolved ({@code cpu()}, {@code gpu(0)}), or the one requested. */
        @Override
        public String device() {
            return device != null ? device : requestedDevice;
        }

        @Override
        public long pid() {
            return worker.pid();
        }

        private double setupJoules() {
            return setUp == null ? 0 : setUp.joules();
        }

        double joules() {
            return setupJoules() + trialJoules;
        }
    }

    /**
     * Starts every worker and waits until all are set up. The first starts alone: a proxy that
     * trains a judge network caches it, and the others then load that judge instead of each
     * training their own at once.
     */
    @Override
    public void start() {
        spawn(seats.get(0));
        awaitReady(seats.subList(0, 1));
        for (Seat s : seats.subList(1, seats.size())) {
            spawn(s);
        }
        awaitReady(seats);
    }

    private void awaitReady(List<Seat> waitFor) {
        long waitStart = System.nanoTime();
        while (waitFor.stream().anyMatch(s -> !s.ready)) {
            ProcessWorker.Event e = poll(1000);
            if (e != null) {
                Event lost = handle(e);
                if (lost != null) {
                    throw new IllegalStateException("a trial was lost before any was started: " + lost);
                }
            }
            if (System.nanoTime() - waitStart > START_TIMEOUT_NANOS) {
                throw new IllegalStateException("workers did not get ready within 10 minutes; see the log");
            }
        }
    }

    /** The energy meter the workers chose, in words (from the first worker). */
    @Override
    public String energyDescription() {
        return energy;
    }

    /** The calibrated quality proxy in words, as the first worker described it. */
    @Override
    public String proxyDescription() {
        return proxy;
    }

    /** The energy meter's name, such as {@code cpu-time+ram}. */
    @Override
    public String meterName() {
        return meter;
    }

    /** The seats' devices as the workers resolved them. */
    @Override
    public List<String> devices() {
        return seats.stream().map(Seat::device).toList();
    }

    /** The calibrated proxy's fingerprint, equal for every worker. */
    public double[] proxyFingerprint() {
        return fingerprint.clone();
    }

    /** A seat whose worker is ready and has no trial. */
    @Override
    public Optional<Seat> idleSlot() {
        return seats.stream().filter(s -> s.ready && s.trial == null).findFirst();
    }

    public boolean busy() {
        return seats.stream().anyMatch(s -> s.trial != null);
    }

    @Override
    public void dispatch(Slot slot, ToWorker.Evaluate request) {
        Seat seat = (Seat) slot;
        seat.trial = request.trial();
        seat.timedOut = false;
        seat.deadline = System.nanoTime() + (long) (trialTimeoutSeconds * 1e9);
        seat.worker.send(request);
    }

    @Override
    public void verdict(Slot slot, ToWorker.Verdict verdict) {
        ((Seat) slot).worker.send(verdict);
    }

    /**
     * The next trial event, waiting at most {@code timeoutMillis}; null if none came. Worker
     * set-ups, deaths and timeouts are handled on the way.
     */
    @Override
    public Event next(long timeoutMillis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            enforceDeadlines();
            long now = System.nanoTime();
            long wait = Math.min(end - now, nearestDeadline() - now);
            ProcessWorker.Event e = poll(Math.max(0, TimeUnit.NANOSECONDS.toMillis(wait)) + 1);
            if (e != null) {
                Event out = handle(e);
                if (out != null) {
                    return out;
                }
            } else if (System.nanoTime() >= end) {
                return null;
            }
        }
    }

    /** Energy of every worker this pool ran: set-up and trials. */
    @Override
    public double workerJoules() {
        return retiredJoules + seats.stream().mapToDouble(Seat::joules).sum();
    }

    @Override
    public List<SetUp> setUps() {
        List<SetUp> out = new ArrayList<>(retiredSetUps);
        seats.stream().filter(s -> s.setUp != null).forEach(s -> out.add(s.setUp));
        return out;
    }

    /** Asks every worker to finish, then kills those that do not within a few seconds. */
    @Override
    public void close() {
        for (Seat s : seats) {
            if (s.worker != null) {
                s.worker.send(new ToWorker.Shutdown());
            }
        }
        for (Seat s : seats) {
            if (s.worker != null) {
                s.worker.stop(10_000);
            }
        }
    }

    private void spawn(Seat seat) {
        if (seat.worker != null) {
            retiredJoules += seat.joules();
            if (seat.setUp != null) {
                retiredSetUps.add(seat.setUp);
            }
        }
        String id = "w" + (++started);
        seat.ready = false;
        seat.device = null;
        seat.setUp = null;
        seat.trialJoules = 0;
        seat.startedAt = System.nanoTime();
        try {
            seat.worker = ProcessWorker.start(id, launch.command(seat.cpuThreads), events);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker JVM (" + launch.java() + "): " + e.getMessage(), e);
        }
        seat.worker.send(new ToWorker.Setup(setup.forWorker(id, seat.requestedDevice)));
    }

    private Event handle(ProcessWorker.Event e) {
        Seat seat =
                seats.stream().filter(s -> s.worker == e.worker()).findFirst().orElse(null);
        if (seat == null) {
            return null; // a retired worker's last words
        }
        if (e.exitCode() != null) {
            return exited(seat, e.exitCode());
        }
        FromWorker m = e.message();
        if (m instanceof FromWorker.Ready r) {
            checkFingerprint(seat, r);
            if (meter.isEmpty()) {
                meter = r.meter();
                energy = r.energy();
                proxy = r.proxyDescription();
            }
            seat.ready = true;
            seat.failedStarts = 0;
            seat.device = r.device();
            seat.setUp = new SetUp(r.device(), r.setup());
            LOG.info(
                    "worker {} (pid {}) ready on {} in {} s",
                    seat.worker(),
                    r.pid(),
                    r.device(),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - seat.startedAt) / 1e9));
            return null;
        }
        if (m instanceof FromWorker.SetupFailed f) {
            seat.worker.stop(5000);
            if (f.badInput()) {
                throw InvalidValueException.relayed("device", seat.requestedDevice, f.reason());
            }
            throw new IllegalStateException("worker " + seat.worker() + " could not set up: " + f.reason());
        }
        if (m instanceof FromWorker.Finished f) {
            seat.trialJoules = f.workerJoules() - seat.setupJoules();
            seat.trial = null;
        }
        return new Event.Message(seat, m);
    }

    private Event exited(Seat seat, int code) {
        String reason = seat.timedOut
                ? String.format(
                        Locale.ROOT,
                        "timed out after %.0f s (the per-trial limit, --trial-timeout); worker %s was stopped",
                        trialTimeoutSeconds,
                        seat.worker())
                : seat.worker.describeExit(code);
        Integer trial = seat.trial;
        seat.trial = null;
        if (!seat.ready) {
            seat.failedStarts++;
            LOG.warn("worker {} failed to start: {}", seat.worker(), reason);
            if (seat.failedStarts >= MAX_FAILED_STARTS) {
                throw new IllegalStateException(
                        "workers fail to start (" + MAX_FAILED_STARTS + " tries): " + reason + "; details in the log");
            }
        } else {
            LOG.warn("{}; starting a replacement", reason);
        }
        spawn(seat);
        return trial == null ? null : new Event.Lost(seat, trial, reason);
    }

    private void checkFingerprint(Seat seat, FromWorker.Ready r) {
        if (fingerprint == null) {
            fingerprint = r.proxyFingerprint();
        } else if (!Arrays.equals(fingerprint, r.proxyFingerprint())) {
            throw new IllegalStateException("worker " + seat.worker() + " calibrated the quality proxy differently ("
                    + Arrays.toString(r.proxyFingerprint()) + " vs " + Arrays.toString(fingerprint)
                    + "); its scores would not be comparable");
        }
    }

    private void enforceDeadlines() {
        long now = System.nanoTime();
        for (Seat s : seats) {
            if (s.trial != null && !s.timedOut && now > s.deadline) {
                LOG.warn(
                        "trial {} on worker {} passed the {} s limit; killing the worker",
                        s.trial,
                        s.worker(),
                        trialTimeoutSeconds);
                s.timedOut = true;
                s.worker.kill();
            }
            if (!s.ready && s.worker.alive() && now - s.startedAt > START_TIMEOUT_NANOS) {
                LOG.warn("worker {} did not get ready in 10 minutes; killing it", s.worker());
                s.worker.kill();
            }
        }
    }

    private long nearestDeadline() {
        long nearest = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (Seat s : seats) {
            if (s.trial != null && !s.timedOut) {
                nearest = Math.min(nearest, s.deadline);
            }
        }
        return nearest;
    }

    private ProcessWorker.Event poll(long millis) {
        try {
            return events.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for workers", e);
        }
    }
}
