package io.paretone.spaces.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MuLawTest {
    @Test
    void extremesAndSilenceMapToTheExpectedClasses() {
        assertEquals(0, MuLaw.encode(-1f));
        assertEquals(255, MuLaw.encode(1f));
        assertEquals(128, MuLaw.encode(0f)); // (0 + 1) / 2 * 255 = 127.5 rounds up
        assertEquals(1f, MuLaw.decode(255), 1e-6);
        assertEquals(-1f, MuLaw.decode(0), 1e-6);
    }

    @Test
    void roundTripErrorIsSmallNearZeroAndBoundedEverywhere() {
        for (float x = -1f; x <= 1f; x += 0.001f) {
            float y = MuLaw.decode(MuLaw.encode(x));
            // Step size of mu-law near x: d/df of the expansion, times one class (2/255).
            double step = Math.log(256) / 255 * (1 + 255 * Math.abs(x)) * 2 / 255;
            assertTrue(Math.abs(x - y) <= step, x + " -> " + y);
        }
    }
}
