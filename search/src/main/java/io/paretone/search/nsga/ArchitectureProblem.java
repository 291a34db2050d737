package io.paretone.search.nsga;

import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.uma.jmetal.problem.integerproblem.impl.AbstractIntegerProblem;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

/**
 * The search as a jMetal problem: one integer variable per gene (the index of its value), four
 * minimised objectives, and graded constraints. Evaluation is delegated to a function that trains
 * the candidate (or finds it already trained) and fills the solution.
 */
public final class ArchitectureProblem extends AbstractIntegerProblem {
    private final SearchSpace space;
    private final Function<IntegerSolution, IntegerSolution> evaluator;

    public ArchitectureProblem(
            SearchSpace space, int objectives, int constraints, Function<IntegerSolution, IntegerSolution> evaluator) {
        this.space = space;
        this.evaluator = evaluator;
        List<Integer> lower = new ArrayList<>();
        List<Integer> upper = new ArrayList<>();
        for (Gene g : space.genes()) {
            lower.add(0);
            upper.add(g.size() - 1);
        }
        variableBounds(lower, upper);
        numberOfObjectives(objectives);
        numberOfConstraints(constraints);
        name("paretone-" + space.name());
    }

    public SearchSpace space() {
        return space;
    }

    /** The genome a solution encodes. */
    public Genome genome(IntegerSolution solution) {
        int[] indices = new int[space.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = solution.variables().get(i);
        }
        return space.genome(indices);
    }

    @Override
    public IntegerSolution evaluate(IntegerSolution solution) {
        return evaluator.apply(solution);
    }
}
