package io.paretone.evaluators.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks the NVML meter on a machine with NVIDIA GPUs, with nothing but a Java runtime and
 * paretone's jars (no DJL GPU support needed): over the same windows it reads
 * <ol>
 *   <li>the driver's total-energy counter directly (the reference),
 *   <li>{@link NvmlEnergyMeter} as a study uses it (the counter, read after a device sync), and
 *   <li>{@link NvmlEnergyMeter} forced to poll the power at {@code --hz} and integrate it (the
 *       fallback for GPUs without a counter),
 * </ol>
 * and prints the three with their differences. The probe itself puts no load on the GPU: it
 * sleeps through each window, so run a GPU job beside it to see the figures under load.
 *
 * <pre>
 * java -cp 'paretone-evaluators.jar:paretone-spaces.jar:jna.jar:slf4j-api.jar' \
 *     io.paretone.evaluators.energy.NvmlProbe [--seconds 10] [--windows 3] [--hz 20]
 * </pre>
 *
 * Exit code 0 when every meter is within {@value #TOLERANCE_PERCENT}% of the counter in every
 * window, 1 when one is not, 2 when NVML cannot be used here (the reason is printed).
 */
public final class NvmlProbe {
    static final double TOLERANCE_PERCENT = 2.0;

    private NvmlProbe() {}

    public static void main(String[] args) throws InterruptedException {
        double seconds = 10;
        int windows = 3;
        double hz = NvmlEnergyMeter.DEFAULT_POLL_HZ;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--windows" -> windows = Integer.parseInt(args[i + 1]);
                case "--hz" -> hz = Double.parseDouble(args[i + 1]);
                default -> {
                    System.err.println(
                            "nvml-probe: unknown option " + args[i] + "; use --seconds S --windows N --hz H");
                    System.exit(2);
                }
            }
        }
        NvmlGpus.Result nvml = NvmlGpus.open();
        if (!nvml.ok()) {
            System.out.println("NVML unavailable: " + nvml.failure());
            System.exit(2);
        }
        System.out.println(
                "NVML driver " + nvml.driverVersion() + ", " + nvml.gpus().size() + " GPU(s)");
        for (GpuPowerSource g : nvml.gpus()) {
            System.out.printf(
                    Locale.ROOT,
                    "  GPU %d: %s, power limit %.0f W, energy counter: %s, power now %.1f W%n",
                    g.index(),
                    g.name(),
                    g.powerLimitWatts(),
                    g.hasEnergyCounter() ? "yes" : "no",
                    g.powerWatts());
        }
        NvmlEnergyMeter asStudiesUseIt = NvmlEnergyMeter.forCudaDevices(List.of(0), DeviceSync.NONE);
        System.out.println("meter a study on gpu:0 would use: "
                + asStudiesUseIt.availability().reason());
        boolean allWithin = true;
        for (GpuPowerSource g : nvml.gpus()) {
            if (!g.hasEnergyCounter()) {
                System.out.println(
                        "GPU " + g.index() + " has no energy counter: nothing to compare the polled figure with");
                continue;
            }
            NvmlEnergyMeter counter = new NvmlEnergyMeter(List.of(g), DeviceSync.NONE, hz, false);
            NvmlEnergyMeter polled = new NvmlEnergyMeter(List.of(g), DeviceSync.NONE, hz, true);
            // Class loading and JIT on first use would otherwise fall inside the first window only.
            EnergyMeter.Window warmUp = polled.start();
            counter.start().stop();
            warmUp.stop();
            for (int w = 1; w <= windows; w++) {
                // The reference brackets the counter meter's window as tightly as possible; the
                // polled window brackets both.
                EnergyMeter.Window pw = polled.start();
                double before = g.totalEnergyJoules();
                EnergyMeter.Window cw = counter.start();
                Thread.sleep(Math.round(seconds * 1000));
                EnergyReading c = cw.stop();
                double reference = g.totalEnergyJoules() - before;
                EnergyReading p = pw.stop();
                List<String> verdicts = new ArrayList<>();
                allWithin &= report(verdicts, "meter (counter)", c.joules(), reference);
                allWithin &= report(verdicts, "polled", p.joules(), reference);
                System.out.printf(
                        Locale.ROOT,
                        "GPU %d window %d/%d: %.2f s, driver counter %.1f J (%.1f W mean); %s; %s%n",
                        g.index(),
                        w,
                        windows,
                        c.seconds(),
                        reference,
                        reference / c.seconds(),
                        String.join("; ", verdicts),
                        p.method());
            }
        }
        System.out.println(
                allWithin
                        ? "PASS: every figure within " + TOLERANCE_PERCENT + "% of the driver's counter"
                        : "FAIL: some figure is more than " + TOLERANCE_PERCENT + "% off the driver's counter");
        System.exit(allWithin ? 0 : 1);
    }

    private static boolean report(List<String> out, String what, double joules, double reference) {
        double percent = 100 * (joules - reference) / reference;
        boolean ok = Math.abs(percent) <= TOLERANCE_PERCENT;
        out.add(String.format(
                Locale.ROOT, "%s %.1f J (%+.2f%%%s)", what, joules, percent, ok ? "" : ", OUT OF TOLERANCE"));
        return ok;
    }
}
