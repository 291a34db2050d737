package io.paretone.search.footprint;

import io.paretone.evaluators.energy.DeviceSync;
import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.GpuPowerSource;
import io.paretone.evaluators.energy.NvmlEnergyMeter;
import io.paretone.evaluators.energy.RaplEnergyMeter;
import io.paretone.spaces.runtime.DjlRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling process's meters of the devices its workers share, read by a sampler thread a
 * few times a second into {@link DeviceShares}: each GPU through NVML's energy counter, with each
 * process's GPU time as its weight (equal shares where the driver gives no per-process figures);
 * the CPU packages through RAPL, with each worker process's CPU time as its weight, when the
 * workers' own meter is RAPL. A device this process cannot meter is not covered, and its trials
 * keep their workers' own readings.
 *
 * <p>Metering starts before the workers do ({@link #start}, on the devices asked for), so that a
 * shared device's energy while the workers set up is counted once, as energy no trial used; once
 * the workers are ready, {@link #workersReady} keeps the devices they resolved to.
 */
public final class SharedDevices implements AutoCloseable {
    private static final Pattern GPU = Pattern.compile("gpu\\((\\d+)\\)");
    private static final String CPU = "cpu()";
    private static final long SAMPLE_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(SharedDevices.class);

    private final DeviceShares shares = new DeviceShares();
    private final List<String> notes = new ArrayList<>();
    private final ScheduledExecutorService sampler;
    // Sorted by name (gpu(0) first) and read by the sampler thread while workersReady removes.
    private final Map<String, GpuUse> gpus = new java.util.concurrent.ConcurrentSkipListMap<>();

    /**
     * How a GPU was used while trials ran on it, sampled with the energy.
     *
     * @param busyFraction mean share of time a kernel ran, over samples with a trial running
     * @param meanRunning mean number of trials running over those samples
     * @param peakProcessBytes the largest GPU memory one process held
     * @param gpuBytes the GPU's memory
     */
    public record GpuUsage(double busyFraction, double meanRunning, long peakProcessBytes, long gpuBytes) {
        /** One worker's busy share, supposing the busy time grows with the workers. */
        public double busyPerWorker() {
            return meanRunning > 0 ? busyFraction / meanRunning : Double.NaN;
        }
    }

    private static final class GpuUse {
        final GpuPowerSource gpu;
        double busySum;
        double runningSum;
        int samples;
        long peakBytes;

        GpuUse(GpuPowerSource gpu) {
            this.gpu = gpu;
        }

        synchronized void sample(int running) {
            if (running == 0) {
                return;
            }
            double busy = gpu.busyPercent();
            if (!Double.isNaN(busy)) {
                busySum += busy / 100;
                runningSum += running;
                samples++;
            }
            for (long b : gpu.processMemoryBytes().values()) {
                peakBytes = Math.max(peakBytes, b);
            }
        }

        synchronized GpuUsage usage() {
            return new GpuUsage(
                    samples == 0 ? Double.NaN : busySum / samples,
                    samples == 0 ? 0 : runningSum / samples,
                    peakBytes,
                    gpu.memoryBytes());
        }
    }

    private SharedDevices(List<String> requested) {
        for (String device : resolvable(requested)) {
            Matcher gpu = GPU.matcher(device);
            if (gpu.matches()) {
                coverGpu(device, Integer.parseInt(gpu.group(1)));
            } else {
                coverCpu(device);
            }
        }
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "device-shares");
            t.setDaemon(true);
            return t;
        });
        if (!shares.devices().isEmpty()) {
            sampler.scheduleAtFixedRate(this::sample, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts metering the devices the workers are about to be given ({@code gpu}, {@code gpu:N},
     * {@code cpu}, {@code auto}), before they start.
     */
    public static SharedDevices start(List<String> requested) {
        return new SharedDevices(requested);
    }

    /**
     * The devices a worker may resolve each name to, as DJL names them: {@code auto} may become
     * the first GPU or the CPU, so both are metered until the workers say.
     */
    static List<String> resolvable(List<String> requested) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String name : requested) {
            String n = name.trim().toLowerCase(java.util.Locale.ROOT);
            if (n.equals("auto")) {
                out.add("gpu(0)");
                out.add(CPU);
            } else if (GPU.matcher(n).matches()) {
                out.add(n);
            } else if (n.equals("cpu") || n.equals(CPU)) {
                out.add(CPU);
            } else if (DjlRuntime.cudaIndex(n) >= 0) {
                out.add("gpu(" + DjlRuntime.cudaIndex(n) + ")");
            }
        }
        return List.copyOf(out);
    }

    /**
     * The workers are set up: keeps metering the devices they resolved to, and the CPU packages
     * only if their meter reads RAPL too (a CPU-time estimate is each process's own and is not
     * split).
     *
     * @param devices the devices the workers train on, such as {@code gpu(0)}
     * @param workerMeter the workers' meter name, such as {@code rapl+nvml+ram}
     */
    public void workersReady(List<String> devices, String workerMeter) {
        for (String device : shares.devices()) {
            boolean used = devices.contains(device) && (!device.equals(CPU) || workerMeter.contains("rapl"));
            if (!used) {
                shares.removeDevice(device);
                gpus.remove(device);
            }
        }
        notes.removeIf(n ->
                devices.stream().noneMatch(d -> n.startsWith(d + ":")) || n.startsWith(CPU) && !shares.covers(CPU));
        if (shares.devices().isEmpty()) {
            // Nothing left to read: a sampler waking 4 times a second was 6% of the scheduling
            // process's CPU during a CPU quickstart.
            sampler.shutdownNow();
        }
    }

    private void sample() {
        try {
            shares.sample();
            gpus.forEach((device, use) -> use.sample(shares.runningOn(device)));
        } catch (RuntimeException e) {
            // A failed read must not end the sampler: the next one covers the interval.
            LOG.warn("reading a device's energy failed: {}", e.toString());
        }
    }

    /** How each metered GPU was used while trials ran, by device. */
    public Map<String, GpuUsage> gpuUsage() {
        Map<String, GpuUsage> out = new java.util.LinkedHashMap<>();
        gpus.forEach((d, u) -> out.put(d, u.usage()));
        return out;
    }

    public DeviceShares shares() {
        return shares;
    }

    /** What is metered here and how trials share it, or why a device is not, one line each. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    private void coverGpu(String device, int cuda) {
        NvmlEnergyMeter nvml = NvmlEnergyMeter.forCudaDevices(List.of(cuda), DeviceSync.NONE);
        if (!nvml.availability().available()) {
            notes.add(device + ": not metered by the scheduling process ("
                    + nvml.availability().reason() + "); each trial keeps its worker's whole-GPU reading");
            return;
        }
        GpuPowerSource gpu = nvml.gpus().get(0);
        EnergyMeter.Window window = nvml.start();
        gpus.put(device, new GpuUse(gpu));
        // The workers' GPU part reads this GPU whole, measured or estimated at its TDP.
        shares.addDevice(
                device,
                () -> window.read().joules(),
                pids -> pick(gpu.processBusySinceLastCall(), pids),
                "share of " + device + "'s NVML energy by each process's GPU time (equal shares when NVML has no"
                        + " per-process samples)",
                Set.of("nvml", "gpu-tdp"));
        notes.add(
                device + ": NVML energy counter read every " + SAMPLE_MILLIS + " ms, split among its running trials by"
                        + " each worker process's GPU time (nvmlDeviceGetProcessUtilization; equal shares when it gives none); from"
                        + " before the workers start, so its energy that no trial used (set-up, idle) is the study's overhead, once");
    }

    private void coverCpu(String device) {
        RaplEnergyMeter rapl = new RaplEnergyMeter();
        if (!rapl.availability().available()) {
            return;
        }
        EnergyMeter.Window window = rapl.start();
        Map<Long, Duration> seen = new HashMap<>();
        shares.addDevice(
                device,
                () -> window.read().joules(),
                pids -> cpuSince(seen, pids),
                "share of the CPU packages' RAPL energy by each worker process's CPU time",
                Set.of("rapl"));
        notes.add(
                device + ": RAPL package counters read every " + SAMPLE_MILLIS
                        + " ms, split among the running trials by"
                        + " each worker process's CPU time; its energy that no trial used (set-up, idle) is the study's overhead, once");
    }

    private static Map<Long, Double> pick(Map<Long, Double> busy, List<Long> pids) {
        Map<Long, Double> out = new HashMap<>();
        for (long p : pids) {
            out.put(p, busy.getOrDefault(p, 0.0));
        }
        return out;
    }

    /** CPU seconds each process used since the previous call. */
    private static Map<Long, Double> cpuSince(Map<Long, Duration> seen, List<Long> pids) {
        Map<Long, Double> out = new HashMap<>();
        for (long p : pids) {
            Duration now = ProcessHandle.of(p)
                    .flatMap(h -> h.info().totalCpuDuration())
                    .orElse(null);
            if (now != null) {
                Duration before = seen.getOrDefault(p, Duration.ZERO);
                out.put(p, Math.max(0, now.minus(before).toNanos() / 1e9));
                seen.put(p, now);
            }
        }
        return out;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        shares.sample();
    }
}
