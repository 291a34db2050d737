package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PowerPollerTest {
    @Test
    void constantPowerIntegratesToPowerTimesTime() throws InterruptedException {
        long t0 = System.nanoTime();
        PowerPoller p = new PowerPoller(() -> 120.0, 50, "test-poller");
        Thread.sleep(400);
        double joules = p.stop();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(120 * seconds, joules, 0.02 * 120 * seconds);
        assertTrue(p.samples() >= 10, "at 50 Hz over 0.4 s: " + p.samples() + " samples");
    }

    @Test
    void powerStepIsIntegratedPiecewise() throws InterruptedException {
        long t0 = System.nanoTime();
        double[] watts = {50};
        PowerPoller p = new PowerPoller(() -> watts[0], 100, "test-poller");
        Thread.sleep(300);
        double stepAt = (System.nanoTime() - t0) / 1e9;
        watts[0] = 250;
        Thread.sleep(300);
        double joules = p.stop();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double expected = 50 * stepAt + 250 * (seconds - stepAt);
        // The step falls between two samples; the trapezoid misplaces at most half of the 200 W step
        // over that gap: 10 ms at 100 Hz, but allow 100 ms for a thread delayed on a busy machine.
        // A constant 50 W or 250 W would be off by 60 J.
        assertEquals(expected, joules, 100 * 0.1 + 0.02 * expected);
    }
}
