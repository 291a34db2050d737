package io.paretone.search;

import io.paretone.search.footprint.CarbonBudget;
import io.paretone.search.store.Claim;
import io.paretone.search.store.OwnerLiveness;
import io.paretone.search.store.RunFolder;
import io.paretone.search.store.TrialRow;
import io.paretone.search.store.TrialRequest;
import io.paretone.search.store.TrialResult;
import io.paretone.search.store.TrialStore;
import io.paretone.search.worker.FromWorker;
import io.paretone.search.worker.ToWorker;
import io.paretone.search.worker.TrialEngine;
import io.paretone.spaces.ModelFamilies;
import io.paretone.spaces.genome.Genome;
import java.time.Duration;
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

    /** One candidate of a generation. */
    record Candidate(Genome genome, String architecture, long seed) {}

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
    private final CarbonBudget budget;
    private int notTrained;
    private final Map<Integer, String> pruneReasons = new HashMap<>();
    private long lastHeartbeat = System.nanoTime();

    TrialScheduler(TrialStore store, long studyId, String owner, TrialEngine pool, StudySettings settings,
            List<String> objectives, Pruner pruner, StudyLedger ledger, SearchProgress progress, RunFolder folder,
            OwnerLiveness liveness, CarbonBudget budget) {
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
        this.budget = budget;
    }

    /** Candidates left untrained because a budget (carbon, trials, wall time) was used up. */
    int notTrained() {
        return notTrained;
    }

    /** A trial running in one of this process's workers. */
    private record InFlight(TrialRow row, TrialEngine.Slot seat) {}

    /** The state of one generation's evaluation. */
    private final class Batch {
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
            requests.putIfAbsent(c.architecture(), new TrialRequest(c.architecture(), c.genome().choice(ModelFamilies.FAMILY),
                    c.genome().toString(), c.architecture(), generation, c.seed()));
        }
        Batch batch = new Batch(generation, candidates.size());
        for (TrialRow row : store.ask(studyId, new ArrayList<>(requests.values()))) {
            if (row.status().finished()) {
                Trial t = row.toTrial(settings.space(), objectives);
                ledger.record(t, row.totalJoules(), row.wallSeconds());
                batch.done.put(row.architecture(), row);
                progress.candidateFinished(t, true);
            } else {
                batch.waiting.put(row.id(), row);
            }
        }
        long lastRefresh = System.nanoTime();
        while (!batch.waiting.isEmpty()) {
            dispatch(batch);
            boolean elsewhere = batch.waiting.size() > batch.inFlight.size();
            TrialEngine.Event e = pool.next(elsewhere ? REFRESH_MILLIS : TimeUnit.NANOSECONDS.toMillis(HEARTBEAT_NANOS));
            if (e != null) {
                handle(batch, e);
            }
            if (elsewhere && System.nanoTime() - lastRefresh > TimeUnit.MILLISECONDS.toNanos(REFRESH_MILLIS)) {
                refreshOthers(batch);
                lastRefresh = System.nanoTime();
            }
            if (System.nanoTime() - lastHeartbeat > HEARTBEAT_NANOS) {
                store.heartbeat(owner);
                lastHeartbeat = System.nanoTime();
            }
        }
        Map<String, TrialRow> ordered = new LinkedHashMap<>();
        for (String architecture : requests.keySet()) {
            ordered.put(architecture, batch.done.get(architecture));
        }
        return ordered;
    }

    /**
     * Claims queued trials of the batch for idle workers, in trial order. Once a budget is used up
     * (see {@link #budgetSpent}), queued trials are not trained: they stay QUEUED in the store (a
     * rerun with a larger budget trains them) and rank as untrained here.
     */
    private void dispatch(Batch batch) {
        for (TrialRow row : new ArrayList<>(batch.waiting.values())) {
            if (batch.inFlight.containsKey(row.number()) || row.status() != TrialStatus.QUEUED) {
                continue;
            }
            // A free slot first: this runs on every worker message, and the budgets read meters.
            var seat = pool.idleSlot();
            if (seat.isEmpty()) {
                return;
            }
            String spent = budgetSpent(batch);
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
            batch.inFlight.put(row.number(), new InFlight(row, s));
            batch.dispatched++;
            progress.candidateStarted(row.number(), batch.generation, batch.dispatched, batch.size, row.description(),
                    s.worker() + " on " + s.device());
            Constraints c = settings.constraints();
            pool.dispatch(s, new ToWorker.Evaluate(row.number(), row.genome(), row.seed(), c.maxParameters(), c.maxFlops(),
                    pruner.enabled() ? pruner.checkpoints() : new double[0]));
        }
    }

    /**
     * Why no further trial may start, or null: the carbon budget is reached, the trials already
     * finished and in flight fill the trial budget, or the wall-time budget has run out. Checked
     * before each start, so a budget stops a generation part-way rather than after it.
     */
    private String budgetSpent(Batch batch) {
        if (budget.reached()) {
            return String.format(Locale.ROOT, "the carbon budget of %.4g kgCO2e is reached (%.4g kg measured)",
                    budget.kg(), budget.reachedAtKg());
        }
        StudySettings.Budget b = settings.budget();
        if (b.maxTrials() > 0 && ledger.trialsFinished() + batch.inFlight.size() >= b.maxTrials()) {
            return "the budget of " + b.maxTrials() + " trials is used (" + ledger.trialsFinished() + " finished, "
                    + batch.inFlight.size() + " running)";
        }
        if (b.maxWallSeconds() > 0 && ledger.elapsedSeconds() >= b.maxWallSeconds()) {
            return String.format(Locale.ROOT, "the wall-time budget of %.0f s is used (%.0f s run)",
                    b.maxWallSeconds(), ledger.elapsedSeconds());
        }
        return null;
    }

    private void handle(Batch batch, TrialEngine.Event event) {
        if (event instanceof TrialEngine.Event.Lost lost) {
            InFlight f = batch.inFlight.remove(lost.trial());
            if (f != null) {
                finish(batch, f.row(), new TrialResult(TrialStatus.FAILED, lost.reason(), Map.of(), null, null, null, 0));
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
            TrialResult r = f.result();
            if (r.status() == TrialStatus.PRUNED && pruneReasons.containsKey(f.trial())) {
                r = new TrialResult(r.status(), pruneReasons.get(f.trial()), r.objectives(), r.metrics(), r.provenance(),
                        r.pruning(), r.totalJoules());
            }
            finish(batch, flight.row(), r);
        }
    }

    private void finish(Batch batch, TrialRow row, TrialResult result) {
        if (!store.finish(row.id(), owner, result)) {
            LOG.warn("trial {} was taken over by another process; its outcome there is kept", row.number());
        }
        refresh(batch, row.id());
    }

    /** Re-reads one waiting trial: finished ones leave the batch. */
    private void refresh(Batch batch, long id) {
        TrialRow row = store.trial(id).orElseThrow();
        if (!row.status().finished()) {
            batch.waiting.put(id, row);
            return;
        }
        batch.waiting.remove(id);
        Trial t = row.toTrial(settings.space(), objectives);
        ledger.record(t, row.totalJoules(), row.wallSeconds());
        batch.done.put(row.architecture(), row);
        boolean ours = owner.equals(row.owner());
        if (ours) {
            folder.append(t);
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

    static Duration lease() {
        return Duration.ofMinutes(10);
    }
}
