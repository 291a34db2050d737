package io.paretone.search.nsga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

/** NSGA-II on a cheap synthetic problem whose objectives are a formula of the genome. */
class NsgaIITest {
    private static final SearchSpace SPACE = new SearchSpace(
            "toy",
            List.of(
                    Gene.ofInts("a", "a", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
                    Gene.ofInts("b", "b", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
                    Gene.ofInts("c", "c", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)));

    private List<Genome> run(long seed, List<Genome> evaluated) {
        return run(seed, evaluated, 10, 6);
    }

    private List<Genome> run(long seed, List<Genome> evaluated, int population, int generations) {
        ArchitectureProblem[] holder = new ArchitectureProblem[1];
        holder[0] = new ArchitectureProblem(SPACE, 2, 1, s -> {
            Genome g = holder[0].genome(s);
            evaluated.add(g);
            int a = g.integer("a");
            int b = g.integer("b");
            int c = g.integer("c");
            s.objectives()[0] = a + 0.1 * c;
            s.objectives()[1] = (9 - a) + b + 0.1 * c;
            // Feasible only when b is at most 5; graded by how far over.
            s.constraints()[0] = b > 5 ? -(b - 5) : 0;
            return s;
        });
        GenerationEvaluation evaluation = GenerationEvaluation.oneByOne(holder[0]);
        List<IntegerSolution> last = new NsgaII(population, seed)
                .run(holder[0], evaluation, status -> evaluation.generationsEvaluated() >= generations, kept -> {});
        return last.stream().map(holder[0]::genome).toList();
    }

    @Test
    void sameSeedGivesTheSameGenomesAndAnotherSeedDoesNot() {
        List<Genome> first = new ArrayList<>();
        List<Genome> second = new ArrayList<>();
        List<Genome> other = new ArrayList<>();
        run(7, first);
        run(7, second);
        run(8, other);
        assertEquals(first, second);
        assertNotEquals(first, other);
        assertEquals(10 * 6, first.size());
    }

    @Test
    void finalPopulationIsFeasibleAndConvergesTowardTheFront() {
        List<Genome> last = run(3, new ArrayList<>(), 20, 25);
        for (Genome g : last) {
            assertTrue(g.integer("b") <= 5, "infeasible survivor " + g);
        }
        // The true front has b = 0 and c = 0; most survivors should be there after 25 generations.
        long onFront = last.stream()
                .filter(g -> g.integer("b") == 0 && g.integer("c") == 0)
                .count();
        assertTrue(onFront >= 10, "only " + onFront + " on the front: " + last);
    }
}
