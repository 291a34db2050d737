package io.paretone.search.footprint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits the metered energy of shared devices among the trials running on them. Each device has
 * one energy counter (a GPU's NVML counter, a CPU package's RAPL counter) that the scheduling
 * process reads again and again; every interval's increase goes to the trials running on that
 * device during it, in proportion to their use of it (the GPU time NVML gives each process, the
 * CPU time of each worker process), or in equal shares when no use is known. An interval with no
 * trial on the device (idle, workers setting up, gaps between trials) goes to the study's overhead.
 * Nothing is lost or counted twice: the shares and the overhead add up to what the counters
 * measured. A device's counter therefore stands in for the workers' own readings of it outside
 * their trials ({@link #countsPart}): those readings hold every neighbour's energy too.
 *
 * <p>Read {@link #sample} often (a sampler thread does) and at every trial's start and end, so
 * that the intervals follow the trials' boundaries.
 */
public final class DeviceShares {
    /** One device's cumulative energy counter, in joules. */
    @FunctionalInterface
    public interface Counter {
        double joules();
    }

    /**
     * How much each process used a device since the last call: GPU busy time, CPU seconds, in any
     * unit. The interval is split by use only when every running trial's process has a positive
     * use; otherwise equally. NVML's per-process samples are sparse (a short trial's kernels can
     * leave none, or round to 0%), so a missing or zero use does not prove a running trial idle,
     * and weighting by it charged such trials nothing on the H200 while they trained.
     */
    @FunctionalInterface
    public interface Usage {
        Map<Long, Double> since(List<Long> pids);

        /** Equal shares: no per-process use known. */
        Usage EQUAL = pids -> Map.of();
    }

    private record Device(Counter counter, Usage usage, String method, Set<String> parts) {}

    private record Running(String device, long pid) {}

    /**
     * A finished trial's charge on its device.
     *
     * @param joules its share of the device's energy while it ran
     * @param deviceJoules all the device used while it ran, its neighbours' work included
     * @param method how the share was weighted, in words
     */
    public record Share(double joules, double deviceJoules, String method) {
        /** The trial's fraction of what its device used while it ran; 1 when the device used nothing. */
        public double fraction() {
            return deviceJoules > 0 ? joules / deviceJoules : 1;
        }
    }

    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, Double> lastReading = new HashMap<>();
    private final Map<String, Double> firstReading = new HashMap<>();
    private final Map<Integer, Running> running = new LinkedHashMap<>();
    private final Map<Integer, Double> shares = new HashMap<>();
    private final Map<Integer, Double> windows = new HashMap<>();
    private final Map<String, Double> overhead = new HashMap<>();

    /**
     * Adds a device and reads its counter: energy from now on is split.
     *
     * @param method how its trials' shares are weighted, in words, stored with each trial
     * @param parts the names of the workers' meter parts that read this device as a whole (such as
     *     {@code nvml} for a GPU), which this counter replaces outside trials
     */
    public synchronized void addDevice(String device, Counter counter, Usage usage, String method, Set<String> parts) {
        devices.put(device, new Device(counter, usage, method, Set.copyOf(parts)));
        double now = counter.joules();
        lastReading.put(device, now);
        firstReading.put(device, now);
        overhead.put(device, 0.0);
    }

    /** Stops splitting a device that no worker uses, and forgets what it metered. */
    public synchronized void removeDevice(String device) {
        if (running.values().stream().anyMatch(r -> r.device().equals(device))) {
            throw new IllegalStateException("device " + device + " still has trials running");
        }
        devices.remove(device);
        lastReading.remove(device);
        firstReading.remove(device);
        overhead.remove(device);
    }

    /** True if this device's energy is split here. */
    public synchronized boolean covers(String device) {
        return devices.containsKey(device);
    }

    /**
     * True if a worker on {@code device} reading it with the meter part {@code part} (such as
     * {@code nvml}) reads what this device's counter already counts: such a reading outside the
     * worker's trials (its set-up) belongs to no study total, or the device's energy would be
     * counted once per worker.
     */
    public synchronized boolean countsPart(String device, String part) {
        Device d = devices.get(device);
        return d != null && d.parts().contains(part);
    }

    /** The covered devices, in the order they were added. */
    public synchronized List<String> devices() {
        return List.copyOf(devices.keySet());
    }

    /** How the shares of a device are weighted, in words; null if it is not covered. */
    public synchronized String method(String device) {
        Device d = devices.get(device);
        return d == null ? null : d.method();
    }

    /** A trial starts on a device, in the process {@code pid}; energy until now is not its. */
    public synchronized void started(int trial, String device, long pid) {
        if (!devices.containsKey(device)) {
            return;
        }
        sample(device);
        running.put(trial, new Running(device, pid));
        shares.put(trial, 0.0);
        windows.put(trial, 0.0);
    }

    /** A trial ended (or was lost): its share, or null if its device is not covered. */
    public synchronized Share finished(int trial) {
        Running r = running.get(trial);
        if (r == null) {
            return null;
        }
        sample(r.device());
        running.remove(trial);
        return new Share(
                shares.remove(trial),
                windows.remove(trial),
                devices.get(r.device()).method());
    }

    /** Reads every device's counter and splits what each used since the last reading. */
    public synchronized void sample() {
        devices.keySet().forEach(this::sample);
    }

    private void sample(String device) {
        Device d = devices.get(device);
        double now = d.counter().joules();
        double delta = now - lastReading.get(device);
        lastReading.put(device, now);
        List<Integer> trials = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        running.forEach((t, r) -> {
            if (r.device().equals(device)) {
                trials.add(t);
                pids.add(r.pid());
            }
        });
        if (trials.isEmpty()) {
            overhead.merge(device, delta, Double::sum);
            return;
        }
        Map<Long, Double> use = d.usage().since(pids);
        boolean everyUseKnown = pids.stream().allMatch(p -> use.getOrDefault(p, 0.0) > 0);
        double total = everyUseKnown ? pids.stream().mapToDouble(use::get).sum() : 0;
        for (int i = 0; i < trials.size(); i++) {
            windows.merge(trials.get(i), delta, Double::sum);
            double weight = everyUseKnown ? use.get(pids.get(i)) / total : 1.0 / trials.size();
            shares.merge(trials.get(i), delta * weight, Double::sum);
        }
    }

    /** Trials running on a device now. */
    public synchronized int runningOn(String device) {
        return (int)
                running.values().stream().filter(r -> r.device().equals(device)).count();
    }

    /** Energy of the covered devices that no trial used: idle time, workers' set-up, gaps between trials. */
    public synchronized double overheadJoules() {
        return overhead.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Everything the covered devices' counters measured since they were added, up to the last reading. */
    public synchronized double meteredJoules() {
        return devices.keySet().stream()
                .mapToDouble(d -> lastReading.get(d) - firstReading.get(d))
                .sum();
    }

    /** The shares of trials still running, so far. */
    public synchronized double runningJoules() {
        return shares.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
