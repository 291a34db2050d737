package io.paretone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.paretone.search.testing.FaultyArchitectures;
import io.paretone.search.trial.Candidate;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateDecoderTest {
    private final SearchSpace space = FaultyArchitectures.space();

    @Test
    void aGenomeSeenAgainIsNotDecodedAgain() {
        List<Genome> decodes = new ArrayList<>();
        CandidateDecoder decoder = new CandidateDecoder(42, g -> {
            decodes.add(g);
            return fixed("network of " + g);
        });
        String text = FaultyArchitectures.genome(FaultyArchitectures.Fault.NONE, 40);
        // As the search shows it: the duplicate check, the generation's evaluation, the survivors,
        // each from its own solution, so from equal but distinct Genome objects.
        Candidate first = decoder.of(space.parse(text));
        Candidate again = decoder.of(space.parse(text));
        decoder.of(space.parse(text));
        assertEquals(1, decodes.size());
        assertSame(first, again);

        Candidate other = decoder.of(space.parse(FaultyArchitectures.genome(FaultyArchitectures.Fault.NAN, 40)));
        assertEquals(2, decodes.size());
        assertNotEquals(first.description(), other.description());
    }

    @Test
    void seedIsTheFirstFourBytesOfTheHashOfStudySeedAndDescription() {
        CandidateDecoder decoder = new CandidateDecoder(42, g -> fixed("a fixed network"));
        Candidate c = decoder.of(space.parse(FaultyArchitectures.genome(FaultyArchitectures.Fault.NONE, 40)));
        // `printf '42/a fixed network' | sha256sum` starts 816f53f8 = 2171556856.
        assertEquals(2171556856L, c.seed());
        assertEquals("a fixed network", c.description());
        assertEquals("wavenet", c.family());
    }

    /** An architecture that only describes itself: enough for the scheduling side, which never trains. */
    private static Architecture fixed(String description) {
        return (Architecture) Proxy.newProxyInstance(
                Architecture.class.getClassLoader(), new Class<?>[] {Architecture.class}, (proxy, method, args) -> {
                    if (method.getName().equals("describe")) {
                        return description;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
