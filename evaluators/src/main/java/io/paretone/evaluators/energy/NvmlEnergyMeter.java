package io.paretone.evaluators.energy;

import io.paretone.spaces.check.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures NVIDIA GPUs through NVML. For each GPU the candidate uses, the driver's total-energy
 * counter ({@code nvmlDeviceGetTotalEnergyConsumption}, Volta and later) is read at the start and
 * the end of the window, each time after synchronising the device so that kernels queued in the
 * window are finished and counted in it. A GPU without that counter has its power
 * ({@code nvmlDeviceGetPowerUsage}) polled at {@value #DEFAULT_POLL_HZ} Hz on a background thread
 * and integrated. Every reading names the GPUs with their power limits and the driver version.
 *
 * <p>Where NVML is missing or cannot read the GPU, the meter reports itself unavailable with the
 * reason and is never started.
 */
public final class NvmlEnergyMeter implements EnergyMeter {
    public static final double DEFAULT_POLL_HZ = 20;

    private final List<GpuPowerSource> gpus;
    private final DeviceSync sync;
    private final double pollHz;
    private final boolean alwaysPoll;
    private final MeterAvailability availability;

    /**
     * @param gpus the GPUs to meter
     * @param sync waits for the GPUs' queued work before each counter read
     * @param pollHz polling rate for GPUs without an energy counter (at least 10 Hz)
     * @param alwaysPoll poll even GPUs that have a counter (to compare the two, as {@link NvmlProbe} does)
     */
    public NvmlEnergyMeter(List<GpuPowerSource> gpus, DeviceSync sync, double pollHz, boolean alwaysPoll) {
        this.gpus = List.copyOf(gpus);
        this.sync = sync;
        this.pollHz = Check.inRange("NVML polling rate (Hz)", pollHz, 10, 1000);
        this.alwaysPoll = alwaysPoll;
        this.availability = check();
    }

    private NvmlEnergyMeter(String whyNot) {
        this.gpus = List.of();
        this.sync = DeviceSync.NONE;
        this.pollHz = DEFAULT_POLL_HZ;
        this.alwaysPoll = false;
        this.availability = MeterAvailability.no(whyNot);
    }

    /**
     * The meter of the GPUs behind CUDA device indices (DJL's {@code gpu:N}), through this
     * process's NVML; unavailable, with the reason, where NVML cannot be used.
     */
    public static NvmlEnergyMeter forCudaDevices(List<Integer> cudaIndices, DeviceSync sync) {
        NvmlGpus.Result nvml = NvmlGpus.open();
        if (!nvml.ok()) {
            return new NvmlEnergyMeter(nvml.failure());
        }
        try {
            return new NvmlEnergyMeter(
                    NvmlGpus.forCudaDevices(cudaIndices, nvml.gpus(), System.getenv("CUDA_VISIBLE_DEVICES")),
                    sync,
                    DEFAULT_POLL_HZ,
                    false);
        } catch (IllegalArgumentException e) {
            return new NvmlEnergyMeter(e.getMessage());
        }
    }

    public List<GpuPowerSource> gpus() {
        return gpus;
    }

    @Override
    public String name() {
        return "nvml";
    }

    @Override
    public MeterAvailability availability() {
        return availability;
    }

    private MeterAvailability check() {
        if (gpus.isEmpty()) {
            return MeterAvailability.no("no GPU to meter");
        }
        List<String> how = new ArrayList<>();
        for (GpuPowerSource g : gpus) {
            if (counts(g)) {
                how.add("GPU " + g.index() + " " + g.name() + ": total energy counter");
                continue;
            }
            try {
                g.powerWatts();
            } catch (RuntimeException e) {
                return MeterAvailability.no("GPU " + g.index() + " " + g.name() + " has neither an energy counter nor a"
                        + " power reading in NVML (" + e.getMessage() + ")");
            }
            how.add(String.format(Locale.ROOT, "GPU %d %s: power polled at %.0f Hz", g.index(), g.name(), pollHz));
        }
        return MeterAvailability.yes("NVML, driver " + gpus.get(0).driverVersion() + "; " + String.join("; ", how));
    }

    private boolean counts(GpuPowerSource g) {
        return !alwaysPoll && g.hasEnergyCounter();
    }

    @Override
    public Window start() {
        if (!availability.available()) {
            throw new IllegalStateException("NVML is not available: " + availability.reason());
        }
        return new NvmlWindow();
    }

    private final class NvmlWindow extends ClosableWindow {
        private final long start;
        private final double[] startJoules = new double[gpus.size()];
        private final PowerPoller[] pollers = new PowerPoller[gpus.size()];

        NvmlWindow() {
            sync.await();
            // Before the pollers: each integrates from its first sample, taken as it is created.
            start = System.nanoTime();
            for (int i = 0; i < gpus.size(); i++) {
                GpuPowerSource g = gpus.get(i);
                if (counts(g)) {
                    startJoules[i] = g.totalEnergyJoules();
                } else {
                    pollers[i] = new PowerPoller(g::powerWatts, pollHz, "paretone-nvml-poll-gpu" + g.index());
                }
            }
        }

        @Override
        protected EnergyReading measure() {
            sync.await();
            double joules = 0;
            List<String> how = new ArrayList<>();
            for (int i = 0; i < gpus.size(); i++) {
                GpuPowerSource g = gpus.get(i);
                if (pollers[i] == null) {
                    joules += g.totalEnergyJoules() - startJoules[i];
                    how.add("GPU " + g.index() + " energy counter");
                } else {
                    joules += pollers[i].joules();
                    how.add(String.format(
                            Locale.ROOT,
                            "GPU %d power polled at %.0f Hz (%d samples) and integrated",
                            g.index(),
                            pollHz,
                            pollers[i].samples()));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<MeteredDevice> devices = gpus.stream()
                    .map(g -> new MeteredDevice("gpu", g.name(), g.powerLimitWatts(), g.driverVersion()))
                    .toList();
            return new EnergyReading(
                    joules,
                    seconds,
                    name(),
                    false,
                    "NVML: " + String.join(", ", how) + ", read after synchronising the device",
                    devices,
                    List.of());
        }

        @Override
        protected void release() {
            for (PowerPoller p : pollers) {
                if (p != null) {
                    p.stop();
                }
            }
        }
    }
}
