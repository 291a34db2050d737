package io.paretone.search;

import io.paretone.search.nsga.ArchitectureProblem;
import io.paretone.search.nsga.SteadyEvaluation;
import io.paretone.search.store.TrialRow;
import io.paretone.search.trial.Candidate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

/**
 * The asynchronous search's side of the trial scheduler: starts one candidate at a time in a batch
 * that stays open, and answers each solution as its trial finishes. Candidates are keyed by their
 * decoded architecture, as in {@link TrialRunner}: one already in the store is answered from it,
 * and one proposed while the same architecture runs waits for that trial.
 */
final class SteadyTrialRunner implements SteadyEvaluation {
    private final TrialRunner runner;
    private final TrialScheduler scheduler;
    private final ArchitectureProblem problem;
    private final StudyLedger ledger;
    private final TrialScheduler.Batch batch;
    private final Map<String, Deque<IntegerSolution>> running = new HashMap<>();
    private final Deque<IntegerSolution> answered = new ArrayDeque<>();
    /** Each answered solution's trial number, by identity: two solutions may encode one genome. */
    private final Map<IntegerSolution, Integer> numbers = new IdentityHashMap<>();
    /** Stored trials of a resumed search not yet replayed into the population. */
    private final Map<IntegerSolution, TrialRow> stored = new IdentityHashMap<>();

    private int generation;
    private boolean announced;

    SteadyTrialRunner(TrialRunner runner, TrialScheduler scheduler, ArchitectureProblem problem, StudyLedger ledger) {
        this.runner = runner;
        this.scheduler = scheduler;
        this.problem = problem;
        this.ledger = ledger;
        this.batch = scheduler.openSteady();
    }

    /** True for an architecture evaluated so far or being evaluated now. */
    boolean known(String architecture) {
        return ledger.evaluated(architecture)
                || running.containsKey(architecture)
                || stored.values().stream().anyMatch(r -> r.architecture().equals(architecture));
    }

    @Override
    public boolean canStart() {
        return answered.isEmpty() && scheduler.canStart(batch);
    }

    @Override
    public void start(IntegerSolution solution) {
        if (!announced) {
            runner.generationStarted(generation, populationSize());
            announced = true;
        }
        Candidate candidate = runner.candidate(solution);
        Deque<IntegerSolution> waiting = running.get(candidate.description());
        if (waiting != null) {
            waiting.add(solution);
            return;
        }
        TrialRow stored = scheduler.join(batch, generation, candidate);
        if (stored != null) {
            runner.write(stored.outcome(), solution);
            answered.add(solution);
            numbers.put(solution, stored.number());
        } else {
            running.put(candidate.description(), new ArrayDeque<>(List.of(solution)));
        }
    }

    @Override
    public IntegerSolution next() {
        if (answered.isEmpty()) {
            TrialRow row = scheduler.nextFinished(batch);
            if (row == null) {
                return null;
            }
            Deque<IntegerSolution> waiting = running.remove(row.architecture());
            for (IntegerSolution s : waiting) {
                runner.write(row.outcome(), s);
                answered.add(s);
                numbers.put(s, row.number());
            }
        }
        return answered.poll();
    }

    @Override
    public void generationDone(int generation, List<IntegerSolution> finished, List<IntegerSolution> population) {
        List<Integer> trials = new ArrayList<>();
        for (IntegerSolution s : finished) {
            Integer n = numbers.remove(s);
            if (n != null) {
                trials.add(n);
            }
        }
        runner.generationDone(generation, trials);
        runner.survivors(population);
        this.generation = generation + 1;
        announced = false;
    }

    private int populationSize() {
        return runner.populationSize();
    }

    @Override
    public void replayed(IntegerSolution solution) {
        TrialRow row = stored.remove(solution);
        if (row != null) {
            ledger.record(row.toTrial(runner.space()));
        }
    }

    /** A solution of a stored trial, its objectives and constraints written, for a resumed search. */
    IntegerSolution solutionOf(TrialRow row) {
        IntegerSolution s = problem.createSolution();
        int[] indices = problem.space().parse(row.genome()).indices();
        for (int i = 0; i < indices.length; i++) {
            s.variables().set(i, indices[i]);
        }
        runner.write(row.outcome(), s);
        numbers.put(s, row.number());
        stored.put(s, row);
        return s;
    }
}
