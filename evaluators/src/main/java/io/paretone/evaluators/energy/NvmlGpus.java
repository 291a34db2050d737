package io.paretone.evaluators.energy;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The GPUs of the NVIDIA driver, through NVML, opened once per process and never shut down (NVML
 * counts its users, and other libraries in the process may use it too).
 *
 * <p>Opening never throws: a machine without the driver library, or with a driver that refuses,
 * gives a {@link Result} that says why, and the NVML meter reports itself unavailable with it.
 */
public final class NvmlGpus {
    /** System property naming the NVML library to load, for drivers installed in odd places. */
    public static final String LIBRARY_PROPERTY = "paretone.nvml.library";

    private static Result shared;

    private NvmlGpus() {}

    /**
     * @param gpus every GPU NVML lists, in NVML's order
     * @param driverVersion the driver's version, or null when NVML failed
     * @param failure why NVML cannot be used, or null
     */
    public record Result(List<GpuPowerSource> gpus, String driverVersion, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    /** NVML's GPUs, opened on first call; later calls return the same answer. */
    public static synchronized Result open() {
        if (shared == null) {
            shared = open(libraryNames());
        }
        return shared;
    }

    static List<String> libraryNames() {
        String given = System.getProperty(LIBRARY_PROPERTY);
        if (given != null && !given.isBlank()) {
            return List.of(given);
        }
        // JNA maps "nvidia-ml" to libnvidia-ml.so, which only the driver's development package
        // installs; the driver itself installs libnvidia-ml.so.1.
        return Platform.isWindows() ? List.of("nvml") : List.of("nvidia-ml", "libnvidia-ml.so.1");
    }

    /** Opens NVML from the first of {@code names} that loads. */
    static Result open(List<String> names) {
        NvmlLibrary nvml = null;
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            try {
                nvml = Native.load(name, NvmlLibrary.class);
                break;
            } catch (UnsatisfiedLinkError e) {
                errors.add(name + ": "
                        + e.getMessage().lines().findFirst().orElse("").replaceAll(":\\s*$", ""));
            } catch (LinkageError e) {
                return new Result(List.of(), null, "JNA, which paretone uses to call NVML, could not load: " + e);
            }
        }
        if (nvml == null) {
            return new Result(
                    List.of(),
                    null,
                    "the NVIDIA management library (NVML) is not installed or not on the"
                            + " library path (" + String.join("; ", errors)
                            + "); it comes with the NVIDIA driver, or set -D"
                            + LIBRARY_PROPERTY + "=/path/to/libnvidia-ml.so.1");
        }
        try {
            check(nvml, nvml.nvmlInit_v2(), "nvmlInit_v2");
            byte[] version = new byte[NvmlLibrary.DRIVER_VERSION_BUFFER];
            check(nvml, nvml.nvmlSystemGetDriverVersion(version, version.length), "nvmlSystemGetDriverVersion");
            String driver = text(version);
            IntByReference count = new IntByReference();
            check(nvml, nvml.nvmlDeviceGetCount_v2(count), "nvmlDeviceGetCount_v2");
            List<GpuPowerSource> gpus = new ArrayList<>();
            for (int i = 0; i < count.getValue(); i++) {
                gpus.add(new NvmlGpu(nvml, i, driver));
            }
            return new Result(List.copyOf(gpus), driver, null);
        } catch (NvmlException e) {
            return new Result(List.of(), null, e.getMessage());
        }
    }

    /**
     * The NVML GPUs behind CUDA device indices (DJL's {@code gpu:N}). CUDA numbers only the GPUs in
     * {@code CUDA_VISIBLE_DEVICES} (indices or UUIDs) when it is set; otherwise CUDA and NVML number
     * the same GPUs alike on machines of one GPU model (CUDA orders by speed first, NVML by PCI bus:
     * set {@code CUDA_DEVICE_ORDER=PCI_BUS_ID} on a machine of mixed GPUs).
     *
     * @throws IllegalArgumentException with the reason when a CUDA device has no NVML GPU
     */
    static List<GpuPowerSource> forCudaDevices(
            List<Integer> cudaIndices, List<GpuPowerSource> all, String visibleDevices) {
        List<String> visible = visibleDevices == null || visibleDevices.isBlank()
                ? null
                : List.of(visibleDevices.trim().split("\\s*,\\s*"));
        List<GpuPowerSource> chosen = new ArrayList<>();
        for (int cuda : cudaIndices) {
            String id = visible == null ? Integer.toString(cuda) : cuda < visible.size() ? visible.get(cuda) : null;
            if (id == null) {
                throw new IllegalArgumentException(
                        "CUDA device " + cuda + " is not in CUDA_VISIBLE_DEVICES=" + visibleDevices);
            }
            if (id.startsWith("MIG-")) {
                throw new IllegalArgumentException("CUDA device " + cuda + " is a MIG instance (" + id
                        + "), which has no energy counter of its own");
            }
            chosen.add(all.stream()
                    .filter(g -> id.startsWith("GPU-")
                            ? uuidOf(g).startsWith(id)
                            : Integer.toString(g.index()).equals(id))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "NVML lists no GPU for CUDA device " + cuda + " ('" + id + "'); it lists " + all.size())));
        }
        return chosen;
    }

    private static String uuidOf(GpuPowerSource g) {
        return g instanceof NvmlGpu n ? n.uuid() : "";
    }

    private static void check(NvmlLibrary nvml, int result, String function) {
        if (result != NvmlLibrary.SUCCESS) {
            throw new NvmlException(function, result, nvml.nvmlErrorString(result));
        }
    }

    private static String text(byte[] cString) {
        int n = 0;
        while (n < cString.length && cString[n] != 0) {
            n++;
        }
        return new String(cString, 0, n, StandardCharsets.UTF_8);
    }

    /** An NVML call that did not succeed. */
    static final class NvmlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NvmlException(String function, int result, String message) {
            super("NVML " + function + " failed: " + message + " (" + result + ")");
        }
    }

    /** One GPU as NVML sees it. */
    private static final class NvmlGpu implements GpuPowerSource {
        private final NvmlLibrary nvml;
        private final int index;
        private final Pointer handle;
        private final String name;
        private final String uuid;
        private final String driver;
        private final double powerLimitWatts;
        private final boolean energyCounter;
        private final long memoryBytes;

        NvmlGpu(NvmlLibrary nvml, int index, String driver) {
            this.nvml = nvml;
            this.index = index;
            this.driver = driver;
            PointerByReference ref = new PointerByReference();
            check(nvml, nvml.nvmlDeviceGetHandleByIndex_v2(index, ref), "nvmlDeviceGetHandleByIndex_v2");
            this.handle = ref.getValue();
            byte[] buffer = new byte[NvmlLibrary.NAME_BUFFER];
            check(nvml, nvml.nvmlDeviceGetName(handle, buffer, buffer.length), "nvmlDeviceGetName");
            this.name = text(buffer);
            byte[] uuidBuffer = new byte[NvmlLibrary.UUID_BUFFER];
            this.uuid = nvml.nvmlDeviceGetUUID(handle, uuidBuffer, uuidBuffer.length) == NvmlLibrary.SUCCESS
                    ? text(uuidBuffer)
                    : "";
            IntByReference limit = new IntByReference();
            this.powerLimitWatts = nvml.nvmlDeviceGetEnforcedPowerLimit(handle, limit) == NvmlLibrary.SUCCESS
                    ? Integer.toUnsignedLong(limit.getValue()) / 1000.0
                    : Double.NaN;
            this.energyCounter =
                    nvml.nvmlDeviceGetTotalEnergyConsumption(handle, new LongByReference()) == NvmlLibrary.SUCCESS;
            com.sun.jna.Memory memory = new com.sun.jna.Memory(24); // nvmlMemory_t: total, free, used
            this.memoryBytes =
                    nvml.nvmlDeviceGetMemoryInfo(handle, memory) == NvmlLibrary.SUCCESS ? memory.getLong(0) : 0;
        }

        String uuid() {
            return uuid;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double powerLimitWatts() {
            return powerLimitWatts;
        }

        @Override
        public String driverVersion() {
            return driver;
        }

        @Override
        public boolean hasEnergyCounter() {
            return energyCounter;
        }

        @Override
        public double totalEnergyJoules() {
            LongByReference mj = new LongByReference();
            check(nvml, nvml.nvmlDeviceGetTotalEnergyConsumption(handle, mj), "nvmlDeviceGetTotalEnergyConsumption");
            // An unsigned 64-bit count of mJ: it would take millions of years to pass Long.MAX_VALUE.
            return mj.getValue() / 1000.0;
        }

        private long lastUtilizationMicros;

        @Override
        public synchronized java.util.Map<Long, Double> processBusySinceLastCall() {
            IntByReference count = new IntByReference(0);
            int r = nvml.nvmlDeviceGetProcessUtilization(handle, null, count, lastUtilizationMicros);
            if (r != NvmlLibrary.ERROR_INSUFFICIENT_SIZE || count.getValue() == 0) {
                return java.util.Map.of(); // no samples since then, or no support on this GPU
            }
            com.sun.jna.Memory buffer = new com.sun.jna.Memory(32L * count.getValue());
            if (nvml.nvmlDeviceGetProcessUtilization(handle, buffer, count, lastUtilizationMicros)
                    != NvmlLibrary.SUCCESS) {
                return java.util.Map.of();
            }
            java.util.Map<Long, Double> busy = new java.util.HashMap<>();
            for (int i = 0; i < count.getValue(); i++) {
                long at = 32L * i;
                long pid = Integer.toUnsignedLong(buffer.getInt(at));
                long timeStamp = buffer.getLong(at + 8);
                double sm = Integer.toUnsignedLong(buffer.getInt(at + 16));
                busy.merge(pid, sm, Double::sum);
                lastUtilizationMicros = Math.max(lastUtilizationMicros, timeStamp);
            }
            return busy;
        }

        @Override
        public java.util.Map<Long, Long> processMemoryBytes() {
            IntByReference count = new IntByReference(0);
            int r = nvml.nvmlDeviceGetComputeRunningProcesses_v2(handle, count, null);
            if (r == NvmlLibrary.SUCCESS || r != NvmlLibrary.ERROR_INSUFFICIENT_SIZE) {
                return java.util.Map.of();
            }
            int room = count.getValue() + 8; // processes may start between the two calls
            count.setValue(room);
            com.sun.jna.Memory buffer = new com.sun.jna.Memory(24L * room);
            if (nvml.nvmlDeviceGetComputeRunningProcesses_v2(handle, count, buffer) != NvmlLibrary.SUCCESS) {
                return java.util.Map.of();
            }
            java.util.Map<Long, Long> used = new java.util.HashMap<>();
            for (int i = 0; i < count.getValue(); i++) {
                used.put(Integer.toUnsignedLong(buffer.getInt(24L * i)), buffer.getLong(24L * i + 8));
            }
            return used;
        }

        @Override
        public double busyPercent() {
            com.sun.jna.Memory rates = new com.sun.jna.Memory(8);
            return nvml.nvmlDeviceGetUtilizationRates(handle, rates) == NvmlLibrary.SUCCESS
                    ? Integer.toUnsignedLong(rates.getInt(0))
                    : Double.NaN;
        }

        @Override
        public long memoryBytes() {
            return memoryBytes;
        }

        @Override
        public double powerWatts() {
            IntByReference mw = new IntByReference();
            check(nvml, nvml.nvmlDeviceGetPowerUsage(handle, mw), "nvmlDeviceGetPowerUsage");
            return Integer.toUnsignedLong(mw.getValue()) / 1000.0;
        }
    }
}
