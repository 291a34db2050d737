package io.paretone.search.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceSharesTest {
    /** A device drawing a set power on a fake clock: its counter is the integral. */
    private static final class FakeDevice implements DeviceShares.Counter {
        double joules;
        double watts;

        void run(double seconds) {
            joules += watts * seconds;
        }

        @Override
        public double joules() {
            return joules;
        }
    }

    /** Per-process use that accumulates as the fake clock runs, read as increments. */
    private static final class FakeUse implements DeviceShares.Usage {
        final Map<Long, Double> rate = new HashMap<>();
        final Map<Long, Double> total = new HashMap<>();
        final Map<Long, Double> seen = new HashMap<>();

        void run(double seconds) {
            rate.forEach((pid, r) -> total.merge(pid, r * seconds, Double::sum));
        }

        @Override
        public Map<Long, Double> since(List<Long> pids) {
            Map<Long, Double> out = new HashMap<>();
            for (long p : pids) {
                double now = total.getOrDefault(p, 0.0);
                out.put(p, now - seen.getOrDefault(p, 0.0));
                seen.put(p, now);
            }
            return out;
        }
    }

    @Test
    void overlappingTrialsShareByUseAndIdleEnergyIsOverhead() {
        FakeDevice gpu = new FakeDevice();
        FakeUse use = new FakeUse();
        DeviceShares shares = new DeviceShares();
        shares.addDevice("gpu(0)", gpu, use, "NVML per-process GPU time", Set.of("nvml"));

        gpu.watts = 100; // idle while workers set up: 2 s
        gpu.run(2);
        shares.started(1, "gpu(0)", 11);
        use.rate.put(11L, 0.6);
        gpu.watts = 300; // trial 1 alone, 3 s
        gpu.run(3);
        use.run(3);
        shares.sample();
        shares.started(2, "gpu(0)", 22);
        use.rate.put(22L, 0.2);
        gpu.watts = 400; // both, trial 1 using three times as much: 4 s, sampled halfway
        gpu.run(2);
        use.run(2);
        shares.sample();
        gpu.run(2);
        use.run(2);
        DeviceShares.Share first = shares.finished(1);
        use.rate.remove(11L);
        gpu.watts = 200; // trial 2 alone, 1 s
        gpu.run(1);
        use.run(1);
        DeviceShares.Share second = shares.finished(2);
        gpu.watts = 100; // idle again, 1 s
        gpu.run(1);
        shares.sample();

        // By hand: trial 1 = 300 W x 3 s + 3/4 of 400 W x 4 s; trial 2 = 1/4 of 1600 J + 200 J;
        // overhead = 200 J before and 100 J after.
        assertEquals(900 + 1200, first.joules(), 1e-9);
        assertEquals(400 + 200, second.joules(), 1e-9);
        assertEquals(
                (900 + 1200) / (900.0 + 1600), first.fraction(), 1e-12, "its part of the device's energy while it ran");
        assertEquals(300, shares.overheadJoules(), 1e-9);
        double metered = 200 + 900 + 1600 + 200 + 100;
        assertEquals(metered, shares.meteredJoules(), 1e-9);
        assertEquals(
                metered,
                first.joules() + second.joules() + shares.overheadJoules(),
                0.01 * metered,
                "shares plus overhead");
    }

    /** Seen on the H200: a short trial whose kernels left no NVML sample was charged 0 J while it trained. */
    @Test
    void aRunningTrialWithoutUseSamplesIsChargedAnEqualShareNotNothing() {
        FakeDevice gpu = new FakeDevice();
        FakeUse use = new FakeUse();
        DeviceShares shares = new DeviceShares();
        shares.addDevice("gpu(0)", gpu, use, "NVML per-process GPU time", Set.of("nvml"));
        shares.started(1, "gpu(0)", 11);
        shares.started(2, "gpu(0)", 22);
        use.rate.put(11L, 0.9); // trial 2's process left no sample
        gpu.watts = 300;
        gpu.run(2);
        use.run(2);
        DeviceShares.Share unsampled = shares.finished(2);
        DeviceShares.Share sampled = shares.finished(1);

        // By hand: 300 W x 2 s = 600 J, half each.
        assertEquals(300, unsampled.joules(), 1e-9);
        assertEquals(300, sampled.joules(), 1e-9);
    }

    @Test
    void withoutKnownUseOverlappingTrialsOnTwoDevicesSplitEquallyAndConserveEnergy() {
        FakeDevice gpu0 = new FakeDevice();
        FakeDevice gpu1 = new FakeDevice();
        DeviceShares shares = new DeviceShares();
        shares.addDevice("gpu(0)", gpu0, DeviceShares.Usage.EQUAL, "equal shares", Set.of("nvml"));
        shares.addDevice("gpu(1)", gpu1, DeviceShares.Usage.EQUAL, "equal shares", Set.of("nvml"));
        gpu0.watts = 90;
        gpu1.watts = 60;
        double[] charged = new double[6];
        // Trials 0..5 start every second, alternating devices, and each runs 2.5 s on a 0.5 s clock.
        double[] start = {0, 1, 2, 3, 4, 5};
        for (int tick = 0; tick <= 20; tick++) {
            double t = tick * 0.5;
            for (int i = 0; i < 6; i++) {
                if (t == start[i] + 2.5) {
                    charged[i] = shares.finished(i).joules();
                }
                if (t == start[i]) {
                    shares.started(i, "gpu(" + (i % 2) + ")", 100 + i);
                }
            }
            gpu0.run(0.5);
            gpu1.run(0.5);
            shares.sample();
        }
        // By hand, per device: gpu(0) runs trials 0, 2, 4 at 0-2.5, 2-4.5, 4-6.5 s (90 W); gpu(1) runs 1, 3, 5
        // at 1-3.5, 3-5.5, 5-7.5 s (60 W); consecutive trials of a device share 0.5 s half and half.
        double[] expected = {
            90 * 2 + 90 * 0.25,
            60 * 2 + 60 * 0.25,
            90 * 1.5 + 90 * 0.5,
            60 * 1.5 + 60 * 0.5,
            90 * 2 + 90 * 0.25,
            60 * 2 + 60 * 0.25
        };
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], charged[i], 1e-9, "trial " + i);
        }
        // Idle: gpu(0) 6.5-10.5 s, gpu(1) 0-1 and 7.5-10.5 s.
        assertEquals(90 * 4 + 60 * 4, shares.overheadJoules(), 1e-9);
        double metered = (90 + 60) * 10.5;
        double sum = 0;
        for (double c : charged) {
            sum += c;
        }
        assertEquals(metered, shares.meteredJoules(), 1e-9);
        assertEquals(metered, sum + shares.overheadJoules(), 0.01 * metered);
    }
    /** --device auto meters the GPU and the CPU until the workers say which they train on. */
    @Test
    void aDeviceNoWorkerUsesIsDroppedWithTheEnergyItMetered() {
        FakeDevice gpu = new FakeDevice();
        FakeDevice cpu = new FakeDevice();
        DeviceShares shares = new DeviceShares();
        shares.addDevice("gpu(0)", gpu, DeviceShares.Usage.EQUAL, "equal shares", Set.of("nvml", "gpu-tdp"));
        shares.addDevice("cpu()", cpu, DeviceShares.Usage.EQUAL, "equal shares", Set.of("rapl"));
        gpu.watts = 70;
        cpu.watts = 30;
        gpu.run(10);
        cpu.run(10);
        shares.sample();
        assertEquals(700 + 300, shares.overheadJoules(), 1e-9);

        shares.removeDevice("gpu(0)");

        assertEquals(300, shares.overheadJoules(), 1e-9, "only the CPU's idle energy is the study's");
        assertEquals(300, shares.meteredJoules(), 1e-9);
        assertEquals(List.of("cpu()"), shares.devices());
        assertFalse(shares.countsPart("gpu(0)", "nvml"));
        assertTrue(shares.countsPart("cpu()", "rapl"));
        assertFalse(shares.countsPart("cpu()", "cpu-time"), "a process's own CPU-time estimate is its own");
    }
}
