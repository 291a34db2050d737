package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RamEnergyMeterTest extends EnergyMeterContract {
    @Override
    protected EnergyMeter meter() {
        return new RamEnergyMeter(RamEnergyMeter.DEFAULT_WATTS_PER_GB);
    }

    @Override
    protected boolean estimates() {
        return true;
    }

    @Test
    void defaultIsThreeWattsPerEightGigabytes() {
        assertEquals(0.375, RamEnergyMeter.DEFAULT_WATTS_PER_GB, 1e-12);
    }

    @Test
    void constantMemoryCostsGigabytesTimesWattsPerGigabytePerSecond() {
        var meter = new RamEnergyMeter(0.5, () -> 4_000_000_000L, "fake");
        EnergyMeter.Window w = meter.start();
        work();
        EnergyReading r = w.stop();
        assertEquals(4 * 0.5 * r.seconds(), r.joules(), 1e-6 * r.joules());
    }

    @Test
    void memoryThatGrowsIsIntegratedBetweenSamples() {
        AtomicLong bytes = new AtomicLong(1_000_000_000L);
        var meter = new RamEnergyMeter(1.0, bytes::get, "fake");
        EnergyMeter.Window w = meter.start();
        work();
        bytes.set(3_000_000_000L);
        EnergyReading r = w.stop();
        // Two samples, 1 GB then 3 GB: the trapezoid gives 2 GB on average over the window.
        assertEquals(2.0 * r.seconds(), r.joules(), 0.02 * r.joules());
        assertTrue(r.method().contains("peak 3.000 GB"), r.method());
    }

    @Test
    void residentMemoryOfThisProcessIsRead() {
        long rss = RamEnergyMeter.residentBytes();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(rss >= heap / 2 && rss > 10_000_000L, "RSS " + rss + " vs heap " + heap);
    }
}
