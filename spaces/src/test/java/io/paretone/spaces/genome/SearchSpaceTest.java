package io.paretone.spaces.genome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.check.InvalidValueException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    private final SearchSpace space = new SearchSpace(
            "toy",
            List.of(Gene.ofInts("layers", "layers", 2, 4, 8), Gene.ofReals("learning_rate", "lr", 1e-4, 3e-4, 1e-3)));

    @Test
    void genomeSurvivesEncodeTextAndDecode() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            int[] idx = {r.nextInt(3), r.nextInt(3)};
            Genome g = space.genome(idx);
            assertEquals(g, space.genome(g.indices()));
            assertEquals(g, space.parse(g.toString()));
        }
    }

    @Test
    void genomeReadsTypedValues() {
        Genome g = space.genome(2, 1);
        assertEquals(8, g.integer("layers"));
        assertEquals(3e-4, g.real("learning_rate"), 1e-15);
        assertEquals("layers=8 learning_rate=3e-4", g.toString());
    }

    @Test
    void restrictionKeepsOnlyAllowedValues() {
        SearchSpace small = space.restrict(Map.of("layers", List.of("8", "2")));
        assertEquals("[2, 8]", small.gene("layers").allowedValues());
        assertEquals(2 * 3, small.cardinality());
    }

    @Test
    void unknownGeneAndValueAreNamedInTheError() {
        var unknown = assertThrows(InvalidValueException.class, () -> space.restrict(Map.of("depth", List.of("1"))));
        assertTrue(unknown.getMessage().contains("depth"), unknown.getMessage());
        var value = assertThrows(InvalidValueException.class, () -> space.parse("layers=5 learning_rate=1e-4"));
        assertTrue(value.getMessage().contains("[2, 4, 8]"), value.getMessage());
        assertThrows(InvalidValueException.class, () -> space.genome(3, 0));
        assertThrows(InvalidValueException.class, () -> space.parse("layers=2"));
    }

    /** Genomes stored when DCGAN spelled its loss {@code wgan-gp} still read, as the one spelling, {@code wgan_gp}. */
    @Test
    void aChoiceMatchesIgnoringCaseAndHyphenAgainstUnderscore() {
        Gene loss = Gene.ofChoices("loss", "adversarial loss", "hinge", "wgan_gp");
        assertEquals(1, loss.parse("wgan-gp"));
        assertEquals(1, loss.parse("WGAN_GP"));
        assertEquals(0, loss.parse("hinge"));
        var wrong = assertThrows(InvalidValueException.class, () -> loss.parse("wgan"));
        assertTrue(wrong.getMessage().contains("[hinge, wgan_gp]"), wrong.getMessage());
    }

    private static final SearchSpace RNN = new SearchSpace(
            "rnn",
            List.of(
                    Gene.ofChoices("cell", "cell", "gru", "lstm"),
                    Gene.ofInts("tiers", "tiers", 1, 2),
                    Gene.ofInts("frame_2", "upper frame", 2, 4, 8).onlyWhen("tiers", "2"),
                    Gene.ofInts("steps", "steps", 10, 20)));
    private static final SearchSpace CONV = new SearchSpace(
            "conv", List.of(Gene.ofInts("layers", "layers", 2, 4, 8), Gene.ofInts("steps", "steps", 10, 20)));
    private static final SearchSpace MIXED = mixed();

    /** RNN's genes first, then CONV's: the alternatives in this order. */
    private static SearchSpace mixed() {
        Map<String, SearchSpace> alternatives = new LinkedHashMap<>();
        alternatives.put("rnn", RNN);
        alternatives.put("conv", CONV);
        return SearchSpace.ofAlternatives(
                "mixed", "family", "family", List.of(Gene.ofInts("steps", "steps", 10, 20)), alternatives);
    }

    @Test
    void alternativesGetPrefixedGenesExistingOnlyUnderTheirChoice() {
        assertEquals(
                List.of("family", "steps", "rnn.cell", "rnn.tiers", "rnn.frame_2", "conv.layers"),
                MIXED.genes().stream().map(Gene::name).toList());
        Genome conv = MIXED.parse("family=conv steps=20 conv.layers=4");
        assertTrue(!conv.isActive("rnn.cell") && conv.isActive("conv.layers"));
        Genome rnn = MIXED.parse("family=rnn steps=10 rnn.cell=lstm rnn.tiers=2 rnn.frame_2=8");
        assertEquals("lstm", rnn.choice("rnn.cell"));
        assertEquals(8, rnn.integer("rnn.frame_2"));
        var inactive = assertThrows(
                InvalidValueException.class,
                () -> MIXED.parse("family=rnn steps=10 rnn.cell=gru rnn.tiers=1 rnn.frame_2=8"));
        assertTrue(inactive.getMessage().contains("rnn.tiers=2"), inactive.getMessage());
    }

    @Test
    void genomesIgnoreInactiveGenesAndProjectOntoTheirFamily() {
        int[] a = MIXED.parse("family=conv steps=20 conv.layers=4").indices();
        a[MIXED.genes().indexOf(MIXED.gene("rnn.tiers"))] = 1; // a leftover value of another family
        Genome g = MIXED.genome(a);
        assertEquals(MIXED.parse("family=conv steps=20 conv.layers=4"), g);
        assertEquals("family=conv steps=20 conv.layers=4", g.toString());
        assertEquals(CONV.parse("layers=4 steps=20"), CONV.projectFrom(g, "conv"));
    }

    @Test
    void cardinalityCountsEachActiveCombinationOnce() {
        // steps (2) x [rnn: cell 2 x (tiers=1: 1 + tiers=2: frame 3) | conv: layers 3] = 2 x (8 + 3)
        assertEquals(22, MIXED.cardinality());
    }

    @Test
    void restrictingTheChoiceDropsTheGenesThatCanNoLongerExist() {
        SearchSpace convOnly = MIXED.restrict(Map.of("family", List.of("conv")));
        assertEquals(
                List.of("family", "steps", "conv.layers"),
                convOnly.genes().stream().map(Gene::name).toList());
        SearchSpace oneTier = MIXED.restrict(Map.of("rnn.tiers", List.of("1")));
        assertTrue(!oneTier.contains("rnn.frame_2") && oneTier.contains("conv.layers"));
    }
}
