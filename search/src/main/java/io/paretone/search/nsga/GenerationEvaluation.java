package io.paretone.search.nsga;

import java.util.List;
import org.uma.jmetal.component.catalogue.common.evaluation.Evaluation;
import org.uma.jmetal.problem.Problem;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

/**
 * Evaluates one generation at a time, in order, telling a listener where the search is. Each call
 * of {@link #evaluate} is one generation; the first is the initial population.
 */
final class GenerationEvaluation implements Evaluation<IntegerSolution> {
    private final ArchitectureProblem problem;
    private final GenerationListener listener;
    private int generations;
    private int evaluations;

    GenerationEvaluation(ArchitectureProblem problem, GenerationListener listener) {
        this.problem = problem;
        this.listener = listener;
    }

    @Override
    public List<IntegerSolution> evaluate(List<IntegerSolution> solutions) {
        int generation = generations;
        listener.generationStarted(generation, solutions.size());
        for (IntegerSolution s : solutions) {
            problem.evaluate(s);
        }
        evaluations += solutions.size();
        generations++;
        listener.generationFinished(generation);
        return solutions;
    }

    /** Generations evaluated so far, the initial population included. */
    int generationsEvaluated() {
        return generations;
    }

    @Override
    public int computedEvaluations() {
        return evaluations;
    }

    @Override
    public Problem<IntegerSolution> problem() {
        return problem;
    }
}
