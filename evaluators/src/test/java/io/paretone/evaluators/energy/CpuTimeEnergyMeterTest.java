package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class CpuTimeEnergyMeterTest extends EnergyMeterContract {
    @Override
    protected EnergyMeter meter() {
        return new CpuTimeEnergyMeter(10);
    }

    @Override
    protected boolean estimates() {
        return true;
    }

    @Test
    void busyWorkIsChargedAtTheCpuFigure() {
        var meter = new CpuTimeEnergyMeter(10);
        var thread = ManagementFactory.getThreadMXBean();
        long threadCpu0 = thread.getCurrentThreadCpuTime();
        EnergyMeter.Window w = meter.start();
        double x = 0;
        long end = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        EnergyReading r = w.stop();
        double busySeconds = (thread.getCurrentThreadCpuTime() - threadCpu0) / 1e9;
        assertTrue(x > 0);
        // At least this thread's CPU time at 10 W; other JVM threads may add a little.
        assertTrue(r.joules() >= busySeconds * 10 * 0.95, r.toString());
        assertTrue(r.joules() <= r.seconds() * Runtime.getRuntime().availableProcessors() * 10 * 1.05, r.toString());
        assertEquals("cpu", r.devices().get(0).kind());
    }
}
