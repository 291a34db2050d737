package io.paretone.search.nsga;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.uma.jmetal.component.catalogue.common.solutionscreation.SolutionsCreation;
import org.uma.jmetal.solution.integersolution.IntegerSolution;
import org.uma.jmetal.util.bounds.Bounds;

/**
 * A uniformly random initial population drawn from the study's own generator, not jMetal's global
 * one, so a seed alone fixes it.
 */
final class SeededSolutionsCreation implements SolutionsCreation<IntegerSolution> {
    private final ArchitectureProblem problem;
    private final int size;
    private final SplittableRandom random;

    SeededSolutionsCreation(ArchitectureProblem problem, int size, SplittableRandom random) {
        this.problem = problem;
        this.size = size;
        this.random = random;
    }

    @Override
    public List<IntegerSolution> create() {
        List<IntegerSolution> population = new ArrayList<>(size);
        for (int s = 0; s < size; s++) {
            IntegerSolution solution = problem.createSolution();
            List<Bounds<Integer>> bounds = problem.variableBounds();
            for (int i = 0; i < bounds.size(); i++) {
                int low = bounds.get(i).getLowerBound();
                int high = bounds.get(i).getUpperBound();
                solution.variables().set(i, low + random.nextInt(high - low + 1));
            }
            population.add(solution);
        }
        return population;
    }
}
