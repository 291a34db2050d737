package io.paretone.search.nsga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** NSGA-II on a small discrete toy space, with and without duplicate elimination. */
class DuplicateEliminationTest {
    private static final SearchSpace SPACE = new SearchSpace(
            "toy",
            List.of(
                    Gene.ofInts("a", "a", 0, 1, 2, 3),
                    Gene.ofInts("b", "b", 0, 1, 2, 3),
                    Gene.ofInts("c", "c", 0, 1, 2)));

    /** Every genome proposed, in order, over {@code generations} generations of 6. */
    private static List<Genome> proposals(boolean eliminate, long seed, int generations) {
        List<Genome> proposed = new ArrayList<>();
        Set<String> evaluated = new HashSet<>();
        ArchitectureProblem[] p = new ArchitectureProblem[1];
        p[0] = new ArchitectureProblem(SPACE, 2, 1, s -> {
            Genome g = p[0].genome(s);
            s.objectives()[0] = g.integer("a") + 0.5 * g.integer("c");
            s.objectives()[1] = (3 - g.integer("a")) + g.integer("b");
            return s;
        });
        GenerationEvaluation evaluation = new GenerationEvaluation(p[0], (gen, solutions) -> {
            for (var s : solutions) {
                Genome g = p[0].genome(s);
                proposed.add(g);
                evaluated.add(g.toString());
                p[0].evaluate(s);
            }
        });
        NsgaII nsga = new NsgaII(6, seed);
        if (eliminate) {
            nsga.avoidingDuplicates(evaluated::contains, s -> p[0].genome(s).toString());
        }
        nsga.run(p[0], evaluation, status -> evaluation.generationsEvaluated() >= generations, kept -> {});
        return proposed;
    }

    @Test
    void offspringAreNewArchitecturesWhileNewOnesRemain() {
        // 48 genomes; 7 generations of 6 propose 42.
        List<Genome> plain = proposals(false, 5, 7);
        List<Genome> novel = proposals(true, 5, 7);
        long plainDistinct = plain.stream().distinct().count();
        assertTrue(plainDistinct < 30, "without elimination NSGA-II repeats itself: " + plainDistinct + " of 42");
        // The random first generation may repeat itself; every offspring after it is new.
        Set<Genome> first = new HashSet<>(novel.subList(0, 6));
        assertEquals(first.size() + 36, novel.stream().distinct().count(), "every offspring was new: " + novel);
        assertEquals(novel, proposals(true, 5, 7), "the same seed proposes the same");
    }

    @Test
    void whenEverythingIsKnownTheSearchStillRuns() {
        List<Genome> all = proposals(true, 9, 12); // 72 proposals for 48 genomes
        assertEquals(72, all.size());
        assertEquals(48, all.stream().distinct().count(), "it covers the whole space, then repeats");
    }
}
