package io.paretone.search;

import io.paretone.search.nsga.ArchitectureProblem;
import io.paretone.search.nsga.GenerationEvaluation;
import io.paretone.search.store.HypervolumePoint;
import io.paretone.search.store.TrialRow;
import io.paretone.search.store.TrialStore;
import io.paretone.search.trial.Candidate;
import io.paretone.search.trial.Constraints;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

/**
 * Turns a generation of solutions into trials and back: takes each solution's decoded candidate
 * from the study's {@link CandidateDecoder}, has the scheduler
 * evaluate the generation, and writes every trial's objectives and constraints into its
 * solutions. NSGA-II proposes many duplicates, and different genomes can decode to the same network
 * (a dilation cycle longer than the stack changes nothing), so trials are keyed by the decoded
 * architecture. After each generation it records the population and the hypervolume.
 *
 * <p>A failed trial violates the "trained" constraint and gets the worst objectives, so it ranks
 * below every feasible one; a candidate rejected before training for a limit is graded by how far
 * over it was, so the search can steer back. A pruned trial keeps its checkpoint values, which the
 * front already dominates.
 */
final class TrialRunner implements GenerationEvaluation.Batch {
    /** Objective value of failed candidates: worse than any real one. */
    static final double WORST = Double.MAX_VALUE;

    static final String EVALUATED = "evaluated";
    static final String SURVIVORS = "survivors";

    private final StudySettings settings;
    private final List<String> objectives;
    private final ArchitectureProblem problem;
    private final CandidateDecoder decoder;
    private final TrialScheduler scheduler;
    private final StudyLedger ledger;
    private final TrialStore store;
    private final long studyId;
    private final SearchProgress progress;
    private final Runnable afterGeneration;

    TrialRunner(
            StudySettings settings,
            List<String> objectives,
            ArchitectureProblem problem,
            CandidateDecoder decoder,
            TrialScheduler scheduler,
            StudyLedger ledger,
            TrialStore store,
            long studyId,
            SearchProgress progress,
            Runnable afterGeneration) {
        this.settings = settings;
        this.objectives = objectives;
        this.problem = problem;
        this.decoder = decoder;
        this.scheduler = scheduler;
        this.ledger = ledger;
        this.store = store;
        this.studyId = studyId;
        this.progress = progress;
        this.afterGeneration = afterGeneration;
    }

    @Override
    public void evaluate(int generation, List<IntegerSolution> solutions) {
        generationStarted(generation, solutions.size());
        List<Candidate> candidates = solutions.stream().map(this::candidate).toList();
        Map<String, TrialRow> trials = scheduler.evaluate(generation, candidates);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < solutions.size(); i++) {
            TrialRow t = trials.get(candidates.get(i).description());
            write(t.outcome(), solutions.get(i));
            numbers.add(t.number());
        }
        generationDone(generation, numbers);
    }

    io.paretone.spaces.genome.SearchSpace space() {
        return settings.space();
    }

    int populationSize() {
        return settings.populationSize();
    }

    /** Announces a generation of {@code size} candidates. */
    void generationStarted(int generation, int size) {
        progress.generationStarted(generation, settings.generations(), size);
    }

    /** Closes a generation: records the trials it evaluated and the hypervolume, stores the footprint. */
    void generationDone(int generation, List<Integer> evaluatedTrials) {
        store.recordPopulation(studyId, generation, EVALUATED, evaluatedTrials);
        HypervolumePoint point = ledger.generationDone(generation);
        store.recordHypervolume(studyId, point);
        afterGeneration.run();
        progress.generationFinished(generation, point);
    }

    /** Records the population NSGA-II kept after a generation. */
    void survivors(List<IntegerSolution> kept) {
        List<Integer> numbers = new ArrayList<>();
        for (IntegerSolution s : kept) {
            String architecture = candidate(s).description();
            ledger.trials().stream()
                    .filter(t -> t.description().equals(architecture))
                    .findFirst()
                    .ifPresent(t -> numbers.add(t.number()));
        }
        store.recordPopulation(studyId, ledger.generations() - 1, SURVIVORS, numbers);
    }

    /** The candidate a solution encodes, decoded once for the whole study. */
    Candidate candidate(IntegerSolution solution) {
        return decoder.of(problem.genome(solution));
    }

    /**
     * Writes a trial's objectives and constraint values into a solution. Limits are checked on
     * every value the worker measured or counted, whether or not the study minimises it.
     */
    void write(TrialOutcome trial, IntegerSolution solution) {
        double[] values = solution.objectives();
        double[] constraints = solution.constraints();
        Arrays.fill(constraints, 0);
        List<Constraints.Limit> limits = settings.constraints().limits();
        boolean measured = trial.status() == TrialStatus.COMPLETE || trial.status() == TrialStatus.PRUNED;
        boolean graded = false;
        for (int l = 0; l < limits.size(); l++) {
            Double v = trial.objectives().get(limits.get(l).objective());
            if (v != null && !v.isNaN()) {
                constraints[1 + l] = limits.get(l).slack(v);
                graded |= constraints[1 + l] < 0;
            }
        }
        if (measured) {
            for (int i = 0; i < values.length; i++) {
                Double v = trial.objectives().get(objectives.get(i));
                values[i] = v == null || v.isNaN() ? WORST : v;
            }
        } else {
            Arrays.fill(values, WORST);
            if (!graded) {
                constraints[Constraints.TRAINED] = -1;
            }
        }
    }

    /** Worst on every objective and violating "trained", so it ranks below every feasible candidate. */
    private static void markUntrained(IntegerSolution solution) {
        Arrays.fill(solution.objectives(), WORST);
        Arrays.fill(solution.constraints(), 0);
        solution.constraints()[Constraints.TRAINED] = -1;
    }
}
