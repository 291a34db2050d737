package io.paretone.evaluators.energy;

import ai.djl.Device;
import ai.djl.Model;
import io.paretone.evaluators.training.BudgetedTrainer;
import io.paretone.evaluators.training.StepListener;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.TrainingClip;
import io.paretone.spaces.training.TrainingData;
import io.paretone.spaces.wavenet.WaveNetFamily;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: how much energy metering adds to a candidate's training time. Prints
 * numbers, asserts nothing. Run it with
 *
 * <pre>
 * mvn -B -q -Pbench-energy -pl evaluators -am process-test-classes [-Dbench.reps=N]
 * </pre>
 *
 * <p>Three figures: the cost of opening and closing one window of the meter a study gets here;
 * the CPU the NVML fallback's 20 Hz power-polling thread takes; and the wall time of training the
 * same candidate, interleaved, (a) unmetered, (b) metered as a study meters it (the study's window
 * open, one window around training) and (c) as (b) with a 20 Hz polling thread running as well.
 */
public final class MeteringOverheadBench {
    private MeteringOverheadBench() {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        MeterSelection selection =
                MeterSelection.choose(EnergySettings.defaults(), Device.cpu(), MeterSources.local(DeviceSync.NONE));
        EnergyMeter meter = selection.meter();
        System.out.println("meter here: " + selection.describe());

        // 1. One window, opened and closed.
        for (int i = 0; i < 200; i++) {
            meter.start().stop();
        }
        int windows = 2000;
        long t0 = System.nanoTime();
        for (int i = 0; i < windows; i++) {
            meter.start().stop();
        }
        double microsPerWindow = (System.nanoTime() - t0) / 1e3 / windows;
        System.out.printf(Locale.ROOT, "one window (start + stop): %.1f us%n", microsPerWindow);

        // 2. CPU taken by a 20 Hz polling thread (NVML's fallback), polling a cheap power source.
        System.out.printf(
                Locale.ROOT,
                "20 Hz polling thread: %.3f ms of CPU per second of polling%n",
                pollerCpuMillisPerSecond(3000));

        // 3. Training the same candidate, interleaved.
        WaveNetFamily family = new WaveNetFamily();
        Architecture arch = family.decode(family.space()
                .parse("layers=4 dilation_cycle=4 residual_channels=16 skip_channels=32 kernel_size=2"
                        + " learning_rate=3e-3 training_steps=80 batch_size=8"));
        TrainingData clips = new TrainingData(
                16000,
                java.util.stream.Stream.of(220, 330, 440, 550)
                        .map(hz -> new TrainingClip(tone(hz), new ClipLabel(0, 60)))
                        .toList(),
                1);
        EnergyMeter.Window study = meter.start();
        String[] names = {"unmetered", "metered", "metered + 20 Hz poller"};
        List<List<Double>> seconds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Double>> cpuSeconds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        train(arch, clips, 0, meter); // warm-up
        train(arch, clips, 1, meter);
        for (int rep = 0; rep < reps; rep++) {
            for (int k = 0; k < 3; k++) {
                int condition = (rep + k) % 3; // rotate the order so drift hits every condition alike
                double[] wallAndCpu = train(arch, clips, condition, meter);
                seconds.get(condition).add(wallAndCpu[0]);
                cpuSeconds.get(condition).add(wallAndCpu[1]);
            }
        }
        EnergyReading whole = study.stop();
        double base = median(seconds.get(0));
        for (int c = 0; c < 3; c++) {
            double m = median(seconds.get(c));
            // Each round trains all three back to back: the ratio within a round cancels slow drift.
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                ratios.add(seconds.get(c).get(r) / seconds.get(0).get(r));
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-24s median %.3f s, min %.3f s over %d runs: %+.2f%% vs unmetered (medians), %+.2f%% (median of paired ratios)%n",
                    names[c],
                    m,
                    seconds.get(c).stream()
                            .mapToDouble(Double::doubleValue)
                            .min()
                            .orElseThrow(),
                    seconds.get(c).size(),
                    100 * (m - base) / base,
                    100 * (median(ratios) - 1));
        }
        double cpuBase = median(cpuSeconds.get(0));
        for (int c = 1; c < 3; c++) {
            System.out.printf(
                    Locale.ROOT,
                    "%-24s process CPU per training: median %.3f s vs %.3f s unmetered: %+.2f%%%n",
                    names[c],
                    median(cpuSeconds.get(c)),
                    cpuBase,
                    100 * (median(cpuSeconds.get(c)) - cpuBase) / cpuBase);
        }
        System.out.printf(
                Locale.ROOT,
                "direct cost of metering one %.2f s training: 2 windows x %.1f us = %.4f%%%n",
                base,
                microsPerWindow,
                100 * 2 * microsPerWindow / 1e6 / base);
        System.out.printf(Locale.ROOT, "whole benchmark: %.1f J (%s)%n", whole.joules(), whole.meter());
    }

    /** Wall and process CPU seconds of one training. */
    private static double[] train(Architecture arch, TrainingData clips, int condition, EnergyMeter meter)
            throws Exception {
        DjlRuntime.engine().setRandomSeed(7);
        PowerPoller poller = condition == 2 ? new PowerPoller(() -> 100.0, 20, "bench-poller") : null;
        try (Model model = Model.newInstance("bench", Device.cpu())) {
            model.setBlock(arch.newBlock());
            long t0 = System.nanoTime();
            long cpu0 = CpuTimeEnergyMeter.processCpuNanos();
            EnergyMeter.Window w = condition == 0 ? null : meter.start();
            new BudgetedTrainer().train(model, arch, clips, 7, StepListener.NONE);
            if (w != null) {
                w.stop();
            }
            return new double[] {(System.nanoTime() - t0) / 1e9, (CpuTimeEnergyMeter.processCpuNanos() - cpu0) / 1e9};
        } finally {
            if (poller != null) {
                poller.stop();
            }
        }
    }

    /** CPU time of the polling thread itself, per second of polling. */
    private static double pollerCpuMillisPerSecond(long millis) throws InterruptedException {
        PowerPoller poller = new PowerPoller(() -> 100.0, 20, "bench-cpu-poller");
        Thread.sleep(millis);
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("bench-cpu-poller"))
                .findFirst()
                .orElseThrow();
        long cpu = ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
        poller.stop();
        return cpu / 1e6 / (millis / 1000.0);
    }

    private static float[] tone(double hz) {
        float[] x = new float[16_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / 16_000));
        }
        return x;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
