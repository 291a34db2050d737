package io.paretone.search;

import io.paretone.search.footprint.DeviceShares;
import io.paretone.search.nsga.Budgets;
import io.paretone.search.store.Claim;
import io.paretone.search.store.OwnerLiveness;
import io.paretone.search.store.RunFolder;
import io.paretone.search.store.TrialRequest;
import io.paretone.search.store.TrialRow;
import io.paretone.search.store.TrialStore;
import io.paretone.search.trial.Candidate;
import io.paretone.search.trial.Constraints;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import io.paretone.search.worker.FromWorker;
import io.paretone.search.worker.ToWorker;
import io.paretone.search.worker.TrialEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ask and tell between the search, the trial store and the workers. For one generation it asks
 * the store for a trial per architecture (an architecture already in the study is answered from
 * the store and never trained again), claims the queued ones as workers free up, sends them out,
 * hears steps and checkpoints (deciding on pruning), and tells the store each outcome the moment
 * it arrives. A trial whose worker died is recorded FAILED with the reason; the generation goes on.
 * Trials another process is running are waited for, and taken over if that process dies.
 */
final class TrialScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(TrialScheduler.class);
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long REFRESH_MILLIS = 2000;
    /** How often the session's footprint is stored while trials run, so a killed session still counts. */
    private static final long CHECKPOINT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final TrialStore store;
    private final long studyId;
    private final String owner;
    private final TrialEngine pool;
    private final StudySettings settings;
    private final List<String> objectives;
    private final Pruner pruner;
    private final StudyLedger ledger;
    private final SearchProgress progress;
    private final RunFolder folder;
    private final OwnerLiveness liveness;
    private final Budgets budgets;
    private int notTrained;
    private final Map<Integer, String> pruneReasons = new HashMap<>();
    private long lastHeartbeat = System.nanoTime();
    private long lastRefresh = System.nanoTime();
    private final Runnable storeFootprint;
    private final DeviceShares shares;
    /** What the workers metered for trials whose stored energy is a share of a shared device. */
    private final Map<Integer, Double> workerMetered = new HashMap<>();

    private long lastCheckpoint = System.nanoTime();

    TrialScheduler(
            TrialStore store,
            long studyId,
            String owner,
            TrialEngine pool,
            StudySettings settings,
            List<String> objectives,
            Pruner pruner,
            StudyLedger ledger,
            SearchProgress progress,
            RunFolder folder,
            OwnerLiveness liveness,
            Budgets budgets,
            Runnable storeFootprint,
            DeviceShares shares) {
        this.store = store;
        this.studyId = studyId;
        this.owner = owner;
        this.pool = pool;
        this.settings = settings;
        this.objectives = objectives;
        this.pruner = pruner;
        this.ledger = ledger;
        this.progress = progress;
        this.folder = folder;
        this.liveness = liveness;
        this.budgets = budgets;
        this.storeFootprint = storeFootprint;
        this.shares = shares;
    }

    /** Stores the session's footprint so far. */
    private void checkpoint() {
        storeFootprint.run();
        lastCheckpoint = System.nanoTime();
    }

    /** Candidates left untrained because a budget (carbon, trials, wall time) was used up. */
    int notTrained() {
        return notTrained;
    }

    /** A trial running in one of this process's workers, since {@code startNanos}. */
    private record InFlight(TrialRow row, TrialEngine.Slot seat, long startNanos) {}

    /** The state of one generation's evaluation. */
    final class Batch {
        final int generation;
        final int size;
        final Map<Long, TrialRow> waiting = new LinkedHashMap<>();
        final Map<Integer, InFlight> inFlight = new HashMap<>();
        final Map<String, TrialRow> done = new LinkedHashMap<>();
        int dispatched;

        Batch(int generation, int size) {
            this.generation = generation;
            this.size = size;
        }
    }

    /**
     * Evaluates one generation's candidates.
     *
     * @return the stored trial of each distinct architecture, in the candidates' order
     */
    Map<String, TrialRow> evaluate(int generation, List<Candidate> candidates) {
        Map<String, TrialRequest> requests = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            requests.putIfAbsent(c.description(), request(c, generation));
        }
        Batch batch = new Batch(generation, candidates.size());
        for (TrialRow row : store.ask(studyId, new ArrayList<>(requests.values()))) {
            if (row.outcome().status().finished()) {
                Trial t = row.toTrial(settings.space());
                ledger.record(t);
                batch.done.put(row.architecture(), row);
                progress.candidateFinished(t, true);
            } else {
                batch.waiting.put(row.id(), row);
            }
        }
        while (!batch.waiting.isEmpty()) {
            step(batch);
        }
        Map<String, TrialRow> ordered = new LinkedHashMap<>();
        for (String architecture : requests.keySet()) {
            ordered.put(architecture, batch.done.get(architecture));
        }
        return ordered;
    }

    /**
     * One turn of the loop: starts what can start, waits a little for one worker event and handles
     * it, follows other processes' trials, and stores the footprint and heartbeat when due.
     */
    private void step(Batch batch) {
        dispatch(batch);
        boolean elsewhere = batch.waiting.size() > batch.inFlight.size();
        TrialEngine.Event e = pool.next(elsewhere ? REFRESH_MILLIS : TimeUnit.NANOSECONDS.toMillis(CHECKPOINT_NANOS));
        if (e != null) {
            handle(batch, e);
        }
        if (elsewhere && System.nanoTime() - lastRefresh > TimeUnit.MILLISECONDS.toNanos(REFRESH_MILLIS)) {
            refreshOthers(batch);
            lastRefresh = System.nanoTime();
        }
        if (System.nanoTime() - lastCheckpoint > CHECKPOINT_NANOS) {
            checkpoint();
        }
        if (System.nanoTime() - lastHeartbeat > HEARTBEAT_NANOS) {
            store.heartbeat(owner);
            lastHeartbeat = System.nanoTime();
        }
    }

    /**
     * A batch that stays open, for the asynchronous search: candidates join it one at a time
     * ({@link #join}) and leave it as they finish ({@link #nextFinished}).
     */
    Batch openSteady() {
        return new Batch(0, 0);
    }

    /**
     * Adds one candidate to an open batch and starts it if a worker is free.
     *
     * @return its stored trial if already finished (answered from the store), else null
     */
    TrialRow join(Batch batch, int generation, Candidate c) {
        TrialRow row = store.ask(studyId, List.of(request(c, generation))).get(0);
        if (row.outcome().status().finished()) {
            ledger.record(row.toTrial(settings.space()));
            progress.candidateFinished(row.toTrial(settings.space()), true);
            return row;
        }
        batch.waiting.put(row.id(), row);
        dispatch(batch);
        return null;
    }

    /** What the store is asked for a candidate: its description is the trial's unique key. */
    private static TrialRequest request(Candidate c, int generation) {
        return new TrialRequest(
                c.description(), c.family(), c.genome().toString(), c.description(), generation, c.seed());
    }

    /** True when a worker is free and no budget is used up: another candidate may start now. */
    boolean canStart(Batch batch) {
        return pool.idleSlot().isPresent()
                && batch.waiting.size() <= batch.inFlight.size()
                && budgets.whyNoStart(batch.inFlight.size()) == null;
    }

    /** Waits for the next trial of an open batch to finish; null when none is waiting. */
    TrialRow nextFinished(Batch batch) {
        while (batch.done.isEmpty() && !batch.waiting.isEmpty()) {
            step(batch);
        }
        var first = batch.done.entrySet().stream().findFirst();
        first.ifPresent(e -> batch.done.remove(e.getKey()));
        return first.map(Map.Entry::getValue).orElse(null);
    }

    /**
     * Claims queued trials of the batch for idle workers, in trial order. Once a budget is used up
     * (see {@link Budgets#whyNoStart}; checked before each start, so a budget stops a generation
     * part-way rather than after it), queued trials are not trained: they stay QUEUED in the store (a
     * rerun with a larger budget trains them) and rank as untrained here.
     */
    private void dispatch(Batch batch) {
        for (TrialRow row : new ArrayList<>(batch.waiting.values())) {
            if (batch.inFlight.containsKey(row.number()) || row.outcome().status() != TrialStatus.QUEUED) {
                continue;
            }
            // A free slot first: this runs on every worker message, and the budgets read meters.
            var seat = pool.idleSlot();
            if (seat.isEmpty()) {
                return;
            }
            String spent = budgets.whyNoStart(batch.inFlight.size());
            if (spent != null) {
                batch.waiting.remove(row.id());
                batch.done.put(row.architecture(), row);
                notTrained++;
                progress.candidateSkipped(batch.generation, ++batch.dispatched, batch.size, row.description(), spent);
                continue;
            }
            TrialEngine.Slot s = seat.get();
            if (!store.claim(row.id(), new Claim(owner, s.worker(), s.device()))) {
                refresh(batch, row.id()); // another process took it meanwhile
                continue;
            }
            batch.inFlight.put(row.number(), new InFlight(row, s, System.nanoTime()));
            batch.dispatched++;
            progress.candidateStarted(
                    row.number(),
                    row.generation(),
                    batch.dispatched,
                    Math.max(batch.size, batch.dispatched),
                    row.description(),
                    s.worker() + " on " + s.device());
            Constraints c = settings.constraints();
            shares.started(row.number(), s.device(), s.pid());
            pool.dispatch(
                    s,
                    new ToWorker.Evaluate(
                            row.number(),
                            row.genome(),
                            row.seed(),
                            c.maxParameters(),
                            c.maxFlops(),
                            pruner.enabled() ? pruner.checkpoints() : new double[0]));
        }
    }

    private void handle(Batch batch, TrialEngine.Event event) {
        if (event instanceof TrialEngine.Event.Lost lost) {
            InFlight f = batch.inFlight.remove(lost.trial());
            if (f != null) {
                // The worker died with its reading; the scheduling side's share is all that is known.
                DeviceShares.Share share = shares.finished(lost.trial());
                workerMetered.put(lost.trial(), 0.0);
                finish(
                        batch,
                        f,
                        new TrialOutcome(
                                TrialStatus.FAILED,
                                lost.reason(),
                                Map.of(),
                                null,
                                null,
                                null,
                                share == null ? 0 : share.joules()));
            }
            return;
        }
        var message = ((TrialEngine.Event.Message) event).message();
        var seat = ((TrialEngine.Event.Message) event).slot();
        if (message instanceof FromWorker.Step s) {
            progress.trainingStep(s.trial(), s.step(), s.steps(), s.loss());
        } else if (message instanceof FromWorker.Generating g) {
            progress.candidateGenerating(g.trial());
        } else if (message instanceof FromWorker.Checkpoint c) {
            String reason = pruner.verdict(c.objectives(), c.step(), c.steps(), ledger.front());
            if (reason != null) {
                pruneReasons.put(c.trial(), reason);
            }
            pool.verdict(seat, new ToWorker.Verdict(c.trial(), reason == null));
        } else if (message instanceof FromWorker.Finished f) {
            InFlight flight = batch.inFlight.remove(f.trial());
            if (flight == null) {
                LOG.warn("worker {} finished trial {}, which it was not running; ignored", seat.worker(), f.trial());
                return;
            }
            TrialOutcome r = f.result();
            if (r.status() == TrialStatus.PRUNED && pruneReasons.containsKey(f.trial())) {
                r = r.withReason(pruneReasons.get(f.trial()));
            }
            DeviceShares.Share share = shares.finished(f.trial());
            if (share != null) {
                workerMetered.put(f.trial(), r.totalJoules());
                r = SharedDeviceCharge.apply(r, share);
            }
            finish(batch, flight, r);
        }
    }

    private void finish(Batch batch, InFlight flight, TrialOutcome result) {
        TrialRow row = flight.row();
        logFinished(flight, result);
        if (!store.finish(row.id(), owner, result)) {
            LOG.warn("trial {} was taken over by another process; its outcome there is kept", row.number());
        }
        refresh(batch, row.id());
    }

    /** One line a trial in the log, so a search can be followed and timed from the log alone. */
    private void logFinished(InFlight flight, TrialOutcome result) {
        double seconds = (System.nanoTime() - flight.startNanos()) / 1e9;
        TrialRow row = flight.row();
        LOG.info(
                "trial {} {} on {}: {} after {} s: {}",
                row.number(),
                row.description(),
                flight.seat().worker(),
                result.status(),
                String.format(Locale.ROOT, "%.1f", seconds),
                result.complete() ? result.objectives() : result.reason());
    }

    /** Re-reads one waiting trial: finished ones leave the batch. */
    private void refresh(Batch batch, long id) {
        TrialRow row = store.trial(id).orElseThrow();
        if (!row.outcome().status().finished()) {
            batch.waiting.put(id, row);
            return;
        }
        batch.waiting.remove(id);
        Trial t = row.toTrial(settings.space());
        ledger.record(t);
        batch.done.put(row.architecture(), row);
        boolean ours = owner.equals(row.owner());
        if (ours) {
            Double metered = workerMetered.remove(row.number());
            ledger.charged(
                    row.outcome().totalJoules(),
                    metered != null ? metered : row.outcome().totalJoules());
            folder.append(t);
            checkpoint();
        }
        progress.candidateFinished(t, !ours);
    }

    /** Follows trials that other processes run; re-queues those whose process has died. */
    private void refreshOthers(Batch batch) {
        if (store.requeueAbandoned(studyId, liveness) > 0) {
            LOG.info("re-queued trials of a process that is gone");
        }
        for (long id : new ArrayList<>(batch.waiting.keySet())) {
            TrialRow row = batch.waiting.get(id);
            if (!batch.inFlight.containsKey(row.number())) {
                refresh(batch, id);
            }
        }
    }
}
