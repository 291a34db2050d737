package io.paretone.search.nsga;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.uma.jmetal.component.catalogue.ea.selection.Selection;
import org.uma.jmetal.solution.Solution;
import org.uma.jmetal.util.densityestimator.impl.CrowdingDistanceDensityEstimator;
import org.uma.jmetal.util.ranking.Ranking;

/**
 * NSGA-II's binary tournament: lower rank wins, then larger crowding distance. Ranks come from the
 * given ranking (built on a constraint-aware dominance comparator), recomputed on the population
 * it selects from; the draws come from the study's own generator.
 */
final class SeededTournamentSelection<S extends Solution<?>> implements Selection<S> {
    private final Ranking<S> ranking;
    private final CrowdingDistanceDensityEstimator<S> crowding = new CrowdingDistanceDensityEstimator<>();
    private final int matingPoolSize;
    private final SplittableRandom random;

    SeededTournamentSelection(Ranking<S> ranking, int matingPoolSize, SplittableRandom random) {
        this.ranking = ranking;
        this.matingPoolSize = matingPoolSize;
        this.random = random;
    }

    @Override
    public List<S> select(List<S> population) {
        ranking.compute(population);
        for (int f = 0; f < ranking.getNumberOfSubFronts(); f++) {
            crowding.compute(ranking.getSubFront(f));
        }
        Comparator<S> better = Comparator.<S, Integer>comparing(ranking::getRank)
                .thenComparing(Comparator.comparingDouble(crowding::value).reversed());
        List<S> pool = new ArrayList<>(matingPoolSize);
        while (pool.size() < matingPoolSize) {
            S a = population.get(random.nextInt(population.size()));
            S b = population.get(random.nextInt(population.size()));
            pool.add(better.compare(a, b) <= 0 ? a : b);
        }
        return pool;
    }
}
