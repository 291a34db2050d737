package io.paretone.evaluators.energy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The CPU model and how many logical CPUs the machine lists, read from {@code /proc/cpuinfo}.
 *
 * @param model the model name as the kernel reports it, or "unknown"
 * @param logicalCpus logical CPUs listed (hardware threads; in a VM, its virtual CPUs)
 * @param sockets distinct physical packages listed, at least 1
 */
public record CpuInfo(String model, int logicalCpus, int sockets) {
    public static final Path PROC_CPUINFO = Path.of("/proc/cpuinfo");

    /** This machine's CPU; falls back to the JVM's processor count where /proc is not there. */
    public static CpuInfo local() {
        try {
            if (Files.isReadable(PROC_CPUINFO)) {
                CpuInfo info = parse(Files.readAllLines(PROC_CPUINFO));
                if (info.logicalCpus() > 0) {
                    return info;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Falls through to what the JVM knows.
        }
        return new CpuInfo("unknown", Runtime.getRuntime().availableProcessors(), 1);
    }

    static CpuInfo parse(List<String> lines) {
        String model = "unknown";
        int processors = 0;
        Set<String> packages = new HashSet<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "processor" -> processors++;
                case "model name" -> model = model.equals("unknown") ? value : model;
                case "physical id" -> packages.add(value);
                default -> {}
            }
        }
        return new CpuInfo(model, processors, Math.max(1, packages.size()));
    }
}
