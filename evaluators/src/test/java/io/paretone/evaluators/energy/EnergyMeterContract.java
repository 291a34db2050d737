package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * What every {@link EnergyMeter} promises, run against each implementation by subclassing. A meter
 * that is unavailable on this machine (NVML without a GPU, say) is checked for a clear reason, and
 * its measuring tests are skipped with that reason.
 */
abstract class EnergyMeterContract {
    /** The meter under test; a fresh one per call. */
    protected abstract EnergyMeter meter();

    /** Whether the meter's readings are estimates rather than counter readings. */
    protected abstract boolean estimates();

    /** Work the meter must see inside a window: busy CPU by default; fakes advance their counters too. */
    protected void work() {
        double x = 0;
        long end = System.nanoTime() + 100_000_000L;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        assertTrue(x > 0);
    }

    private EnergyMeter available() {
        EnergyMeter m = meter();
        assumeTrue(
                m.availability().available(),
                () -> m.name() + " is not available here: " + m.availability().reason());
        return m;
    }

    @Test
    void hasAShortNameAndSaysWhyOrHow() {
        EnergyMeter m = meter();
        assertTrue(m.name().matches("[a-z][a-z0-9+-]*"), m.name());
        assertFalse(m.availability().reason().isBlank());
    }

    @Test
    void unavailableMeterRefusesToStartWithItsReason() {
        EnergyMeter m = meter();
        assumeFalse(m.availability().available(), "available here");
        IllegalStateException e = assertThrows(IllegalStateException.class, m::start);
        assertTrue(e.getMessage().contains(m.availability().reason()), e.getMessage());
    }

    @Test
    void readingNamesItsMeterAndCoversTheWindowsWallTime() {
        EnergyMeter m = available();
        long before = System.nanoTime();
        EnergyMeter.Window w = m.start();
        work();
        EnergyReading r = w.stop();
        double wall = (System.nanoTime() - before) / 1e9;
        assertEquals(m.name(), r.meter());
        assertEquals(estimates(), r.estimated(), r.method());
        assertFalse(r.method().isBlank());
        assertTrue(r.seconds() > 0.09 && r.seconds() <= wall, r.seconds() + " s of " + wall + " s");
        assertTrue(Double.isFinite(r.joules()) && r.joules() > 0, "work in the window costs energy: " + r);
        assertEquals(r.joules() / 3.6e6, r.kilowattHours(), 1e-18);
    }

    @Test
    void energyNeverDecreasesAsTheWindowGoesOn() {
        EnergyMeter.Window w = available().start();
        work();
        EnergyReading first = w.read();
        work();
        EnergyReading second = w.read();
        EnergyReading last = w.stop();
        assertTrue(
                first.joules() <= second.joules() && second.joules() <= last.joules(),
                first.joules() + " then " + second.joules() + " then " + last.joules());
    }

    @Test
    void stopIsFinalAndCanBeRepeated() {
        EnergyMeter.Window w = available().start();
        work();
        EnergyReading stopped = w.stop();
        work();
        assertSame(stopped, w.stop());
        assertSame(stopped, w.read());
    }

    @Test
    void windowsOpenAtOnceAreIndependent() {
        EnergyMeter m = available();
        EnergyMeter.Window outer = m.start();
        work();
        EnergyMeter.Window inner = m.start();
        work();
        EnergyReading in = inner.stop();
        work();
        EnergyReading out = outer.stop();
        assertTrue(out.joules() > in.joules(), "outer " + out.joules() + " J vs inner " + in.joules() + " J");
        assertTrue(out.seconds() > in.seconds());
    }
}
