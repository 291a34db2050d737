package io.paretone.search.nsga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

class GeneAwareMutationTest {
    private static final SearchSpace OWN_A = new SearchSpace(
            "a",
            List.of(Gene.ofInts(
                    "depth", "depth", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)));
    private static final SearchSpace OWN_B =
            new SearchSpace("b", List.of(Gene.ofChoices("cell", "cell", "gru", "lstm", "rnn", "mlp")));
    private static final SearchSpace MIXED =
            SearchSpace.ofAlternatives("toy", "family", "family", List.of(), Map.of("a", OWN_A, "b", OWN_B));

    private static IntegerSolution solution(int... values) {
        IntegerSolution s = new ArchitectureProblem(MIXED, 1, 0, x -> x).createSolution();
        for (int i = 0; i < values.length; i++) {
            s.variables().set(i, values[i]);
        }
        return s;
    }

    private static int position(String gene) {
        return MIXED.genes().indexOf(MIXED.gene(gene));
    }

    /** With one active gene besides the family, each mutation changes one of the two on average. */
    private static List<IntegerSolution> mutateMany(int[] start, long seed, int times) {
        GeneAwareMutation m = new GeneAwareMutation(MIXED, 20, new SplittableRandom(seed));
        List<IntegerSolution> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.add(m.execute(solution(start)));
        }
        return out;
    }

    @Test
    void categoricalGenesResetToEveryOtherValueEquallyOften() {
        int family = position("family");
        int cell = position("b.cell");
        int[] start = new int[MIXED.size()];
        start[family] = MIXED.gene("family").parse("b");
        start[cell] = 1; // lstm
        int[] counts = new int[4];
        int mutated = 0;
        for (IntegerSolution s : mutateMany(start, 1, 6000)) {
            int v = s.variables().get(cell);
            if (v != 1) {
                counts[v]++;
                mutated++;
            }
        }
        // Probability 1/2 per active gene (family and cell): about 3000 resets, a third to each other value.
        assertTrue(Math.abs(mutated - 3000) < 200, "mutated " + mutated);
        for (int v : new int[] {0, 2, 3}) {
            assertEquals(mutated / 3.0, counts[v], mutated / 3.0 * 0.1, "value " + v);
        }
    }

    @Test
    void orderedGenesStepToNearbyValuesAndAlwaysChange() {
        int depth = position("a.depth");
        int[] start = new int[MIXED.size()];
        start[position("family")] = MIXED.gene("family").parse("a");
        start[depth] = 10;
        List<Integer> steps = new ArrayList<>();
        for (IntegerSolution s : mutateMany(start, 2, 4000)) {
            if (s.variables().get(position("family")) == start[position("family")]
                    && s.variables().get(depth) != 10) {
                steps.add(Math.abs(s.variables().get(depth) - 10));
            }
        }
        steps.sort(null);
        int median = steps.get(steps.size() / 2);
        // Distribution index 20 keeps most steps to one index; some go further.
        assertEquals(1, median);
        assertTrue(steps.get(steps.size() - 1) > 1, "some steps are larger");
    }

    @Test
    void genesOfAnotherFamilyNeverMutate() {
        int[] start = new int[MIXED.size()];
        start[position("family")] = MIXED.gene("family").parse("b");
        start[position("a.depth")] = 7;
        for (IntegerSolution s : mutateMany(start, 3, 2000)) {
            if (s.variables().get(position("family")) == start[position("family")]) {
                assertEquals(7, s.variables().get(position("a.depth")));
            }
        }
    }

    @Test
    void sameSeedMutatesTheSameWay() {
        int[] start = new int[MIXED.size()];
        List<List<Integer>> first = mutateMany(start, 9, 50).stream()
                .map(IntegerSolution::variables)
                .toList();
        List<List<Integer>> second = mutateMany(start, 9, 50).stream()
                .map(IntegerSolution::variables)
                .toList();
        List<List<Integer>> other = mutateMany(start, 10, 50).stream()
                .map(IntegerSolution::variables)
                .toList();
        assertEquals(first, second);
        assertNotEquals(first, other);
    }

    @Test
    void crossoverInheritsCategoricalGenesWhole() {
        GeneAwareCrossover crossover = new GeneAwareCrossover(MIXED, 1.0, 20, new SplittableRandom(4));
        int family = position("family");
        int cell = position("b.cell");
        for (int i = 0; i < 200; i++) {
            int[] x = new int[MIXED.size()];
            int[] y = new int[MIXED.size()];
            x[family] = 0;
            y[family] = 1;
            x[cell] = 0;
            y[cell] = 3;
            List<IntegerSolution> children = crossover.execute(List.of(solution(x), solution(y)));
            for (IntegerSolution c : children) {
                assertTrue(List.of(0, 1).contains(c.variables().get(family)));
                assertTrue(
                        List.of(0, 3).contains(c.variables().get(cell)),
                        "cell " + c.variables().get(cell));
            }
        }
    }
}
