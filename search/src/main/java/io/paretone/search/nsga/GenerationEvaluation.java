package io.paretone.search.nsga;

import java.util.List;
import org.uma.jmetal.component.catalogue.common.evaluation.Evaluation;
import org.uma.jmetal.problem.Problem;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

/**
 * Evaluates one generation at a time as a batch, so the batch's candidates can train in parallel
 * workers. Each call of {@link #evaluate} is one generation; the first is the initial population.
 */
public final class GenerationEvaluation implements Evaluation<IntegerSolution> {
    /** Evaluates a whole generation, filling each solution's objectives and constraints. */
    @FunctionalInterface
    public interface Batch {
        /** @param generation 0 for the initial population */
        void evaluate(int generation, List<IntegerSolution> solutions);
    }

    private final ArchitectureProblem problem;
    private final Batch batch;
    private int generations;
    private int evaluations;

    public GenerationEvaluation(ArchitectureProblem problem, Batch batch) {
        this.problem = problem;
        this.batch = batch;
    }

    /** One solution at a time through {@link ArchitectureProblem#evaluate}, for problems without batches. */
    public static GenerationEvaluation oneByOne(ArchitectureProblem problem) {
        return new GenerationEvaluation(problem, (generation, solutions) -> solutions.forEach(problem::evaluate));
    }

    @Override
    public List<IntegerSolution> evaluate(List<IntegerSolution> solutions) {
        batch.evaluate(generations, solutions);
        evaluations += solutions.size();
        generations++;
        return solutions;
    }

    /** Generations evaluated so far, the initial population included. */
    public int generationsEvaluated() {
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
