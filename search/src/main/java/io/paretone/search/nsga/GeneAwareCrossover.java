package io.paretone.search.nsga;

import io.paretone.spaces.genome.SearchSpace;
import java.util.List;
import java.util.SplittableRandom;
import org.uma.jmetal.operator.crossover.CrossoverOperator;
import org.uma.jmetal.operator.crossover.impl.IntegerSBXCrossover;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

/**
 * Crossover that knows what each gene is: ordered genes blend by jMetal's integer SBX; categorical
 * genes are inherited whole, each child taking one parent's value or the other's with equal odds
 * (SBX would turn {@code wavenet} and {@code wavegan} into whatever family lies between their
 * indices).
 */
public final class GeneAwareCrossover implements CrossoverOperator<IntegerSolution> {
    private final SearchSpace space;
    private final IntegerSBXCrossover sbx;
    private final double probability;
    private final SplittableRandom random;

    public GeneAwareCrossover(
            SearchSpace space, double probability, double distributionIndex, SplittableRandom random) {
        this.space = space;
        this.random = random;
        this.probability = probability;
        // Whether to cross at all is drawn here, so SBX always crosses when asked.
        this.sbx = new IntegerSBXCrossover(1.0, distributionIndex, random::nextDouble);
    }

    @Override
    public List<IntegerSolution> execute(List<IntegerSolution> parents) {
        if (random.nextDouble() >= probability) {
            return List.of((IntegerSolution) parents.get(0).copy(), (IntegerSolution)
                    parents.get(1).copy());
        }
        List<IntegerSolution> children = sbx.execute(parents);
        for (int i = 0; i < space.size(); i++) {
            if (space.genes().get(i).isCategorical()) {
                boolean swap = random.nextBoolean();
                int a = parents.get(swap ? 1 : 0).variables().get(i);
                int b = parents.get(swap ? 0 : 1).variables().get(i);
                children.get(0).variables().set(i, a);
                children.get(1).variables().set(i, b);
            }
        }
        return children;
    }

    @Override
    public double crossoverProbability() {
        return probability;
    }

    @Override
    public int numberOfRequiredParents() {
        return 2;
    }

    @Override
    public int numberOfGeneratedChildren() {
        return 2;
    }
}
