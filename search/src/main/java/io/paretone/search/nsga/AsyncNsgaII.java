package io.paretone.search.nsga;

import io.paretone.spaces.check.Check;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
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
 * Asynchronous (steady-state) NSGA-II, after Durillo, Nebro and Alba's asynchronous parallel
 * NSGA-II: no worker waits for a generation to end. The first {@code population} candidates are
 * random; from then on, whenever a worker is free, one offspring is bred from the population as it
 * stands (constraint-aware binary tournament on rank and crowding, gene-aware crossover and
 * mutation, duplicates replaced as in {@link NsgaII}), and whenever a candidate finishes it joins
 * the population, which then keeps its {@code population} best by rank and crowding.
 *
 * <p>Every {@code population} finished candidates make one "generation": the hypervolume is
 * recorded and the stopping rules are asked then. No candidate starts past
 * {@code population x generations}; those already running finish and count.
 *
 * <p>Reproducibility: every draw comes from the seed, and the order of events is the only other
 * input. With the same workers and the same trial times, candidates finish in the same order
 * (ties go to the one started first) and the search is the same. When times differ, as real
 * training times do, candidates finish in another order, the population that breeds the next
 * offspring differs, and so does the search.
 */
public final class AsyncNsgaII {
    public static final String NAME = "nsga2-async";
    private static final double CROSSOVER_PROBABILITY = 0.9;
    private static final double DISTRIBUTION_INDEX = 20.0;

    private final int populationSize;
    private final long seed;
    private Predicate<String> known = a -> false;
    private Function<IntegerSolution, String> architecture;

    public AsyncNsgaII(int populationSize, long seed) {
        this.populationSize = Check.atLeast("population", populationSize, 2);
        this.seed = seed;
    }

    /**
     * Replaces offspring whose architecture is known: evaluated, or being evaluated.
     *
     * @param known true for an architecture evaluated or running
     * @param architecture the key of a solution's decoded architecture
     */
    public AsyncNsgaII avoidingDuplicates(Predicate<String> known, Function<IntegerSolution, String> architecture) {
        this.known = known;
        this.architecture = architecture;
        return this;
    }

    /**
     * Runs until {@code generations} generations' worth of candidates have finished or
     * {@code termination} is met.
     *
     * @param evaluated solutions evaluated by an earlier session, in the order they finished: they
     *     join the population first (a resumed search carries on from them)
     * @param pending solutions an earlier session proposed but did not finish: they start first
     * @return the last population
     */
    public List<IntegerSolution> run(
            ArchitectureProblem problem,
            SteadyEvaluation evaluation,
            Termination termination,
            int generations,
            List<IntegerSolution> evaluated,
            List<IntegerSolution> pending) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom creation = root.split();
        SplittableRandom selection = root.split();
        SplittableRandom crossoverRandom = root.split();
        SplittableRandom mutationRandom = root.split();
        SplittableRandom duplicates = root.split();

        var ranking = new FastNonDominatedSortRanking<IntegerSolution>(new DominanceWithConstraintsComparator<>());
        Variation<IntegerSolution> variation = new CrossoverAndMutationVariation<>(
                1,
                new GeneAwareCrossover(problem.space(), CROSSOVER_PROBABILITY, DISTRIBUTION_INDEX, crossoverRandom),
                new GeneAwareMutation(problem.space(), DISTRIBUTION_INDEX, mutationRandom));
        if (architecture != null) {
            variation = new DuplicateElimination(variation, known, architecture, duplicates);
        }
        var tournament = new SeededTournamentSelection<>(ranking, variation.getMatingPoolSize(), selection);
        var replacement = new RankingAndDensityEstimatorReplacement<>(
                ranking, new CrowdingDistanceDensityEstimator<>(), Replacement.RemovalPolicy.ONE_SHOT);

        int limit = populationSize * generations;
        List<IntegerSolution> population = new ArrayList<>();
        List<IntegerSolution> sinceGeneration = new ArrayList<>();
        int finished = 0;
        int generation = 0;
        for (IntegerSolution s : evaluated) {
            evaluation.replayed(s);
            population = join(population, s, replacement);
            sinceGeneration.add(s);
            if (++finished % populationSize == 0) {
                evaluation.generationDone(generation++, List.copyOf(sinceGeneration), List.copyOf(population));
                sinceGeneration.clear();
            }
        }
        Deque<IntegerSolution> first = new ArrayDeque<>(pending);
        int randomLeft = Math.max(0, populationSize - evaluated.size() - pending.size());
        SeededSolutionsCreation random = new SeededSolutionsCreation(problem, 1, creation);
        int started = finished;
        int running = 0;
        boolean stop = finished >= limit || (generation > 0 && termination.isMet(Map.of()));
        while (true) {
            while (!stop && started < limit && evaluation.canStart()) {
                IntegerSolution next;
                if (!first.isEmpty()) {
                    next = first.poll();
                } else if (randomLeft > 0) {
                    next = random.create().get(0);
                    for (int t = 0;
                            t < DuplicateElimination.TRIES
                                    && architecture != null
                                    && known.test(architecture.apply(next));
                            t++) {
                        next = random.create().get(0); // a random start that is new, as offspring are
                    }
                    randomLeft--;
                } else if (population.size() >= 2) {
                    next = variation
                            .variate(population, tournament.select(population))
                            .get(0);
                } else {
                    break; // too few finished to breed from: wait for one
                }
                evaluation.start(next);
                started++;
                running++;
            }
            if (running == 0) {
                break;
            }
            IntegerSolution done = evaluation.next();
            if (done == null) {
                break;
            }
            running--;
            population = join(population, done, replacement);
            sinceGeneration.add(done);
            if (++finished % populationSize == 0) {
                evaluation.generationDone(generation++, List.copyOf(sinceGeneration), List.copyOf(population));
                sinceGeneration.clear();
                stop |= termination.isMet(Map.of());
            }
        }
        if (!sinceGeneration.isEmpty()) {
            evaluation.generationDone(generation, List.copyOf(sinceGeneration), List.copyOf(population));
        }
        termination.isMet(Map.of()); // a budget may have ended the search between generations: let it say so
        return population;
    }

    /** The population with one more member, cut back to its size by rank and crowding. */
    private List<IntegerSolution> join(
            List<IntegerSolution> population,
            IntegerSolution s,
            RankingAndDensityEstimatorReplacement<IntegerSolution> replacement) {
        if (population.size() < populationSize) {
            List<IntegerSolution> out = new ArrayList<>(population);
            out.add(s);
            return out;
        }
        return replacement.replace(population, List.of(s));
    }
}
