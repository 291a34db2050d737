package io.paretone.evaluators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GenerationSpeedTest {
    @Test
    void secondsPerUnitIsWallSecondsPerSecondOfAudio() {
        // 8 clips x 1000 samples at 16 kHz = 0.5 s of audio, generated in 2 s.
        GenerationSpeed speed = new GenerationSpeed(8000, 2.0, 16000);
        assertEquals(4000, speed.valuesPerSecond(), 1e-9);
        assertEquals(4.0, speed.secondsPerUnit(), 1e-12);
    }

    @Test
    void emptyWindowIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GenerationSpeed(0, 1, 16000));
    }
}
