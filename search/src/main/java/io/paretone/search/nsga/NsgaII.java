package io.paretone.search.nsga;

import io.paretone.spaces.check.Check;
import io.paretone.spaces.check.InvalidValueException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.uma.jmetal.component.algorithm.EvolutionaryAlgorithm;
import org.uma.jmetal.component.catalogue.common.termination.Termination;
import org.uma.jmetal.component.catalogue.ea.replacement.Replacement;
import org.uma.jmetal.component.catalogue.ea.replacement.impl.RankingAndDensityEstimatorReplacement;
import org.uma.jmetal.component.catalogue.ea.variation.Variation;
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
 * <p>Offspring that decode to an architecture already evaluated can be replaced by new ones
 * ({@link #avoidingDuplicates}), so that the search keeps proposing new candidates on a small
 * discrete space.
 *
 * <p>Every random draw comes from generators split from the seed; jMetal's global generator is
 * never used for a decision. Given the same objective values, a run is therefore replayed exactly,
 * which is how a study resumes: the stored trials answer the evaluations again.
 */
public final class NsgaII implements SearchAlgorithm {
    public static final String NAME = "nsga2";
    private static final double CROSSOVER_PROBABILITY = 0.9;
    private static final double DISTRIBUTION_INDEX = 20.0;

    private final int populationSize;
    private final long seed;
    private Predicate<String> evaluated;
    private Function<IntegerSolution, String> architecture;

    public NsgaII(int populationSize, long seed) {
        this.populationSize = Check.atLeast("population", populationSize, 2);
        this.seed = seed;
        if (populationSize % 2 != 0) {
            throw new InvalidValueException("population", populationSize, "must be even (NSGA-II breeds in pairs)");
        }
    }

    /**
     * Replaces offspring that decode to architectures already evaluated (see
     * {@link DuplicateElimination}).
     *
     * @param evaluated true for an architecture the search has evaluated so far
     * @param architecture the key of a solution's decoded architecture
     */
    public NsgaII avoidingDuplicates(Predicate<String> evaluated, Function<IntegerSolution, String> architecture) {
        this.evaluated = evaluated;
        this.architecture = architecture;
        return this;
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
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom creation = root.split();
        SplittableRandom selection = root.split();
        SplittableRandom crossoverRandom = root.split();
        SplittableRandom mutationRandom = root.split();

        var ranking = new FastNonDominatedSortRanking<IntegerSolution>(new DominanceWithConstraintsComparator<>());
        var variation = new CrossoverAndMutationVariation<>(
                populationSize,
                new GeneAwareCrossover(problem.space(), CROSSOVER_PROBABILITY, DISTRIBUTION_INDEX, crossoverRandom),
                new GeneAwareMutation(problem.space(), DISTRIBUTION_INDEX, mutationRandom));
        Variation<IntegerSolution> proposals = evaluated == null
                ? variation
                : new DuplicateElimination(variation, evaluated, architecture, root.split());
        var replacement = new RankingAndDensityEstimatorReplacement<>(
                ranking, new CrowdingDistanceDensityEstimator<>(), Replacement.RemovalPolicy.ONE_SHOT);
        Replacement<IntegerSolution> heard = (population, offspring) -> {
            List<IntegerSolution> kept = replacement.replace(population, offspring);
            survivors.accept(kept);
            return kept;
        };
        var algorithm = new EvolutionaryAlgorithm<>(
                "NSGA-II",
                new SeededSolutionsCreation(problem, populationSize, creation),
                evaluation,
                termination,
                new SeededTournamentSelection<>(ranking, variation.getMatingPoolSize(), selection),
                proposals,
                heard);
        algorithm.run();
        return algorithm.result();
    }
}
