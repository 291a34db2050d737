package io.paretone.search.nsga;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import org.uma.jmetal.component.catalogue.ea.variation.Variation;
import org.uma.jmetal.solution.integersolution.IntegerSolution;
import org.uma.jmetal.util.bounds.Bounds;

/**
 * Keeps NSGA-II from proposing what it already knows. On a discrete space, crossover and mutation
 * of a converging population mostly give back architectures already evaluated: they cost nothing,
 * but they spend generations without new information, and on a small space the search stalls. An
 * offspring that decodes to an architecture already evaluated, or to one earlier in the same
 * batch, has one gene reset to another of its values, up to {@value #TRIES} times (a step to a
 * neighbour of a good parent); if all are known, it becomes a uniformly random genome (an
 * immigrant); if even those are known, it is kept as it is. Draws come from the study's own
 * generator, so a replay proposes the same offspring.
 */
final class DuplicateElimination implements Variation<IntegerSolution> {
    static final int TRIES = 20;

    private final Variation<IntegerSolution> variation;
    private final Predicate<String> evaluated;
    private final Function<IntegerSolution, String> architecture;
    private final SplittableRandom random;

    /**
     * @param evaluated true for an architecture the search has already evaluated
     * @param architecture the key of a solution's decoded architecture
     */
    DuplicateElimination(
            Variation<IntegerSolution> variation,
            Predicate<String> evaluated,
            Function<IntegerSolution, String> architecture,
            SplittableRandom random) {
        this.variation = variation;
        this.evaluated = evaluated;
        this.architecture = architecture;
        this.random = random;
    }

    @Override
    public List<IntegerSolution> variate(List<IntegerSolution> population, List<IntegerSolution> matingPool) {
        List<IntegerSolution> offspring = variation.variate(population, matingPool);
        Set<String> batch = new HashSet<>();
        for (IntegerSolution child : offspring) {
            String key = architecture.apply(child);
            for (int t = 0; t < TRIES && known(key, batch); t++) {
                resetOneGene(child);
                key = architecture.apply(child);
            }
            for (int t = 0; t < TRIES && known(key, batch); t++) {
                randomise(child);
                key = architecture.apply(child);
            }
            batch.add(key);
        }
        return offspring;
    }

    private boolean known(String key, Set<String> batch) {
        return batch.contains(key) || evaluated.test(key);
    }

    private void resetOneGene(IntegerSolution s) {
        int gene = random.nextInt(s.variables().size());
        Bounds<Integer> bounds = s.getBounds(gene);
        int low = bounds.getLowerBound();
        int high = bounds.getUpperBound();
        if (high > low) {
            int current = s.variables().get(gene);
            int other = low + random.nextInt(high - low);
            s.variables().set(gene, other >= current ? other + 1 : other);
        }
    }

    private void randomise(IntegerSolution s) {
        for (int i = 0; i < s.variables().size(); i++) {
            Bounds<Integer> bounds = s.getBounds(i);
            int low = bounds.getLowerBound();
            s.variables().set(i, low + random.nextInt(bounds.getUpperBound() - low + 1));
        }
    }

    @Override
    public int getMatingPoolSize() {
        return variation.getMatingPoolSize();
    }

    @Override
    public int getOffspringPopulationSize() {
        return variation.getOffspringPopulationSize();
    }
}
