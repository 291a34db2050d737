package io.paretone.search.nsga;

import io.paretone.spaces.check.Check;
import java.util.List;
import java.util.SplittableRandom;
import org.uma.jmetal.component.algorithm.EvolutionaryAlgorithm;
import org.uma.jmetal.component.catalogue.common.termination.Termination;
import org.uma.jmetal.component.catalogue.ea.replacement.Replacement;
import org.uma.jmetal.component.catalogue.ea.replacement.impl.RankingAndDensityEstimatorReplacement;
import org.uma.jmetal.component.catalogue.ea.variation.impl.CrossoverAndMutationVariation;
import org.uma.jmetal.solution.integersolution.IntegerSolution;
import org.uma.jmetal.util.comparator.dominanceComparator.impl.DominanceWithConstraintsComparator;
import org.uma.jmetal.util.densityestimator.impl.CrowdingDistanceDensityEstimator;
import org.uma.jmetal.util.ranking.impl.FastNonDominatedSortRanking;

/**
 * NSGA-II (Deb et al. 2002) assembled from jMetal's component parts: seeded random creation,
 * constraint-aware binary tournament, gene-aware crossover and mutation (integer SBX and
 * polynomial steps for ordered genes, inheritance and uniform reset for categorical ones), and
 * rank-and-crowding replacement whose ranking uses {@link DominanceWithConstraintsComparator}, so
 * feasible candidates always beat infeasible or failed ones.
 *
 * <p>Every random draw comes from generators split from the seed; jMetal's global generator is
 * never used for a decision.
 */
public final class NsgaII {
    private static final double CROSSOVER_PROBABILITY = 0.9;
    private static final double DISTRIBUTION_INDEX = 20.0;

    private final ArchitectureProblem problem;
    private final int populationSize;
    private final int generations;
    private final long seed;

    /**
     * @param generations generations to evaluate, the initial population included
     */
    public NsgaII(ArchitectureProblem problem, int populationSize, int generations, long seed) {
        this.problem = problem;
        this.populationSize = Check.atLeast("population", populationSize, 2);
        this.generations = Check.positive("generations", generations);
        this.seed = seed;
        if (populationSize % 2 != 0) {
            throw new io.paretone.spaces.check.InvalidValueException(
                    "population", populationSize, "must be even (NSGA-II breeds in pairs)");
        }
    }

    /** Runs the search and returns the final population. */
    public List<IntegerSolution> run(GenerationListener listener) {
        return run(listener, status -> false);
    }

    /**
     * Runs the search, ending it after the first generation at whose end {@code stopEarly} is met
     * (a carbon budget, say), or after the planned generations, whichever comes first.
     */
    public List<IntegerSolution> run(GenerationListener listener, Termination stopEarly) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom creation = root.split();
        SplittableRandom selection = root.split();
        SplittableRandom crossoverRandom = root.split();
        SplittableRandom mutationRandom = root.split();

        var ranking = new FastNonDominatedSortRanking<IntegerSolution>(new DominanceWithConstraintsComparator<>());
        var variation =
                new CrossoverAndMutationVariation<>(
                        populationSize,
                        new GeneAwareCrossover(problem.space(), CROSSOVER_PROBABILITY, DISTRIBUTION_INDEX, crossoverRandom),
                        new GeneAwareMutation(problem.space(), DISTRIBUTION_INDEX, mutationRandom));
        GenerationEvaluation evaluation = new GenerationEvaluation(problem, listener);
        var algorithm =
                new EvolutionaryAlgorithm<>(
                        "NSGA-II",
                        new SeededSolutionsCreation(problem, populationSize, creation),
                        evaluation,
                        status -> evaluation.generationsEvaluated() >= generations || stopEarly.isMet(status),
                        new SeededTournamentSelection<>(ranking, variation.getMatingPoolSize(), selection),
                        variation,
                        new RankingAndDensityEstimatorReplacement<>(
                                ranking, new CrowdingDistanceDensityEstimator<>(), Replacement.RemovalPolicy.ONE_SHOT));
        algorithm.run();
        return algorithm.result();
    }
}
