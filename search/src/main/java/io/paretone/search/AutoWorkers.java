package io.paretone.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.paretone.evaluators.energy.DeviceSync;
import io.paretone.evaluators.energy.NvmlEnergyMeter;
import io.paretone.search.trial.SearchJson;
import io.paretone.search.worker.EngineChoice;
import io.paretone.search.worker.WorkersPerGpu;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How many workers a study starts: the number asked for, or with {@code --workers auto} one on a
 * CPU and on a GPU what {@link WorkersPerGpu} says, from the GPU's memory and what an earlier run
 * of this study measured ({@code gpu-usage.json}), else the rule's defaults.
 */
final class AutoWorkers {
    private AutoWorkers() {}

    static int count(StudySettings settings, SearchProgress progress) {
        StudySettings.Workers w = settings.workers();
        if (w.count() != StudySettings.Workers.AUTO) {
            return w.count();
        }
        List<String> gpus = w.devices().isEmpty() ? List.of(settings.device())
                : w.devices().stream().filter(d -> d.startsWith("gpu")).toList();
        boolean onGpu = !gpus.isEmpty() && gpus.stream().allMatch(d -> d.startsWith("gpu") || d.equals("auto"));
        NvmlEnergyMeter nvml = onGpu && settings.engine().equals(EngineChoice.LOCAL)
                ? NvmlEnergyMeter.forCudaDevices(List.of(0), DeviceSync.NONE) : null;
        if (nvml == null || !nvml.availability().available() || nvml.gpus().get(0).memoryBytes() <= 0) {
            progress.preparing("1 worker (--workers auto: no GPU seen through NVML, or not a local GPU study)");
            return 1;
        }
        long workerBytes = WorkersPerGpu.DEFAULT_WORKER_BYTES;
        double busy = WorkersPerGpu.DEFAULT_BUSY_PER_WORKER;
        Path measured = settings.study() == null ? null
                : settings.outputDir().resolve(settings.study()).resolve(StudyFiles.GPU_USAGE);
        if (measured != null && Files.exists(measured)) {
            JsonNode u = SearchJson.read(readQuietly(measured), JsonNode.class);
            // Headroom over the largest process seen: a later candidate may be a little larger.
            workerBytes = Math.max(workerBytes / 4, (long) (1.25 * u.path("peak_process_bytes").asLong(workerBytes)));
            double b = u.path("busy_per_worker").asDouble(Double.NaN);
            busy = Double.isFinite(b) && b > 0 ? Math.min(1, b) : busy;
        }
        WorkersPerGpu rule = new WorkersPerGpu(nvml.gpus().get(0).memoryBytes(), workerBytes, busy,
                Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, w.devices().size())));
        progress.preparing(rule.describe());
        return rule.count() * Math.max(1, w.devices().size());
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "{}";
        }
    }
}
