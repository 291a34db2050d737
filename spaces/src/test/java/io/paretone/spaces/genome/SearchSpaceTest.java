package io.paretone.spaces.genome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.check.InvalidValueException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    private final SearchSpace space = new SearchSpace("toy", List.of(
            Gene.ofInts("layers", "layers", 2, 4, 8),
            Gene.ofReals("learning_rate", "lr", 1e-4, 3e-4, 1e-3)));

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
}
