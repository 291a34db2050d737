package io.paretone.search.nsga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomSearchTest {
    private static final SearchSpace SPACE = new SearchSpace(
            "toy",
            List.of(
                    Gene.ofInts("a", "a", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
                    Gene.ofInts("b", "b", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)));

    private static List<List<Genome>> batches(SearchAlgorithm algorithm, int generations) {
        List<List<Genome>> seen = new ArrayList<>();
        ArchitectureProblem[] p = new ArchitectureProblem[1];
        p[0] = new ArchitectureProblem(SPACE, 2, 1, s -> {
            s.objectives()[0] = p[0].genome(s).integer("a");
            s.objectives()[1] = p[0].genome(s).integer("b");
            return s;
        });
        GenerationEvaluation evaluation = new GenerationEvaluation(p[0], (g, solutions) -> {
            seen.add(solutions.stream().map(p[0]::genome).toList());
            solutions.forEach(p[0]::evaluate);
        });
        algorithm.run(p[0], evaluation, status -> evaluation.generationsEvaluated() >= generations, kept -> {});
        return seen;
    }

    @Test
    void batchesUntilStoppedReproducibleFromTheSeed() {
        List<List<Genome>> first = batches(new RandomSearch(6, 11), 4);
        assertEquals(4, first.size());
        assertEquals(first, batches(new RandomSearch(6, 11), 4));
        assertNotEquals(first, batches(new RandomSearch(6, 12), 4));
    }

    @Test
    void startsFromTheSameCandidatesAsNsgaIIWithTheSameSeed() {
        assertEquals(
                batches(new NsgaII(6, 11), 1).get(0),
                batches(new RandomSearch(6, 11), 1).get(0));
        assertNotEquals(
                batches(new NsgaII(6, 11), 3).get(2),
                batches(new RandomSearch(6, 11), 3).get(2));
    }
}
