package io.paretone.search.nsga;

import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.SearchSpace;
import java.util.List;
import java.util.SplittableRandom;
import org.uma.jmetal.operator.mutation.MutationOperator;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

/**
 * Mutation that knows what each gene is. Categorical genes (the family, a cell type, a loss) are
 * reset to another of their values drawn uniformly, since their order means nothing; ordered genes
 * (layers, widths, learning rates) take a polynomial step (Deb and Agrawal's operator, as jMetal's
 * {@code IntegerPolynomialMutation}), rounded to the nearest index and at least one index away, so
 * a mutated gene always changes.
 *
 * <p>Only genes active in the solution mutate, each with probability 1 / (active genes): on
 * average one real change per child, however many genes other families hold. Inactive genes keep
 * their value for when a mutation of their parent brings them back. Draws come from the study's
 * own generator.
 */
public final class GeneAwareMutation implements MutationOperator<IntegerSolution> {
    private final SearchSpace space;
    private final double distributionIndex;
    private final SplittableRandom random;

    public GeneAwareMutation(SearchSpace space, double distributionIndex, SplittableRandom random) {
        this.space = space;
        this.distributionIndex = distributionIndex;
        this.random = random;
    }

    @Override
    public IntegerSolution execute(IntegerSolution solution) {
        List<Integer> x = solution.variables();
        int[] indices = x.stream().mapToInt(Integer::intValue).toArray();
        boolean[] active = space.activeGenes(indices);
        int count = 0;
        for (boolean a : active) {
            count += a ? 1 : 0;
        }
        double probability = 1.0 / count;
        for (int i = 0; i < indices.length; i++) {
            Gene gene = space.genes().get(i);
            if (!active[i] || gene.size() < 2 || random.nextDouble() >= probability) {
                continue;
            }
            x.set(i, gene.isCategorical() ? reset(indices[i], gene.size()) : step(indices[i], gene.size()));
        }
        return solution;
    }

    /** Another value, each of the other {@code size - 1} equally likely. */
    int reset(int current, int size) {
        int drawn = random.nextInt(size - 1);
        return drawn >= current ? drawn + 1 : drawn;
    }

    /** A polynomial step from {@code current} within [0, size - 1], rounded, never zero. */
    int step(int current, int size) {
        double upper = size - 1;
        double y = current;
        double u = random.nextDouble();
        double power = 1.0 / (distributionIndex + 1.0);
        double delta;
        if (u <= 0.5) {
            double xy = 1.0 - y / upper;
            double val = 2.0 * u + (1.0 - 2.0 * u) * Math.pow(xy, distributionIndex + 1.0);
            delta = Math.pow(val, power) - 1.0;
        } else {
            double xy = 1.0 - (upper - y) / upper;
            double val = 2.0 * (1.0 - u) + 2.0 * (u - 0.5) * Math.pow(xy, distributionIndex + 1.0);
            delta = 1.0 - Math.pow(val, power);
        }
        int next = (int) Math.max(0, Math.min(upper, Math.round(y + delta * upper)));
        if (next == current) {
            next = delta < 0 ? current - 1 : current + 1;
            if (next < 0 || next > upper) {
                next = current == 0 ? 1 : current - 1; // at an edge, step inwards
            }
        }
        return next;
    }

    @Override
    public double mutationProbability() {
        return 1.0 / space.size();
    }
}
