package io.paretone.search.nsga;

import io.paretone.spaces.check.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.uma.jmetal.component.catalogue.common.termination.Termination;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

/**
 * The baseline: batches of uniformly random genomes, under the same evaluation, budget and
 * stopping rules as NSGA-II. Its first batch comes from the same split of the seed as NSGA-II's
 * initial population, so both start from the same candidates and differ only in what follows.
 */
public final class RandomSearch implements SearchAlgorithm {
    public static final String NAME = "random";

    private final int batchSize;
    private final long seed;

    public RandomSearch(int batchSize, long seed) {
        this.batchSize = Check.positive("population", batchSize);
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<IntegerSolution> run(
            ArchitectureProblem problem,
            GenerationEvaluation evaluation,
            Termination termination,
            Consumer<List<IntegerSolution>> survivors) {
        SeededSolutionsCreation creation =
                new SeededSolutionsCreation(problem, batchSize, new SplittableRandom(seed).split());
        List<IntegerSolution> all = new ArrayList<>();
        List<IntegerSolution> batch;
        do {
            batch = evaluation.evaluate(creation.create());
            all.addAll(batch);
        } while (!termination.isMet(Map.of()));
        return all;
    }
}
