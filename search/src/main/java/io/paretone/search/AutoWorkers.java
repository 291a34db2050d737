package io.paretone.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.paretone.evaluators.energy.DeviceSync;
import io.paretone.evaluators.energy.NvmlEnergyMeter;
import io.paretone.search.trial.SearchJson;
import io.paretone.search.worker.EngineChoice;
import io.paretone.search.worker.WorkerDevices;
import io.paretone.search.worker.WorkersPerGpu;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The device of each worker a study starts ({@link WorkerDevices}): the number asked for, handed
 * the listed devices in turn; or with {@code --workers auto} one per CPU listed and, per GPU, what
 * {@link WorkersPerGpu} says from that GPU's memory and what an earlier run of this study measured
 * ({@code gpu-usage.json}), else the rule's defaults.
 */
final class AutoWorkers {
    private AutoWorkers() {}

    static List<String> devices(StudySettings settings, SearchProgress progress) {
        StudySettings.Workers w = settings.workers();
        List<String> listed = w.devices().isEmpty() ? List.of(settings.device()) : w.devices();
        if (w.count() != StudySettings.Workers.AUTO) {
            return WorkerDevices.inTurn(listed, w.count());
        }
        if (!settings.engine().equals(EngineChoice.LOCAL)) {
            progress.preparing(
                    "1 worker (--workers auto is for local studies; give --workers N for the cluster's slots)");
            return WorkerDevices.inTurn(listed, 1);
        }
        long workerBytes = WorkersPerGpu.DEFAULT_WORKER_BYTES;
        double busy = WorkersPerGpu.DEFAULT_BUSY_PER_WORKER;
        Path measured = settings.study() == null
                ? null
                : settings.outputDir().resolve(settings.study()).resolve(StudyFiles.GPU_USAGE);
        if (measured != null && Files.exists(measured)) {
            JsonNode u = SearchJson.read(readQuietly(measured), JsonNode.class);
            // Headroom over the largest process seen: a later candidate may be a little larger.
            workerBytes = Math.max(
                    workerBytes / 4, (long) (1.25 * u.path("peak_process_bytes").asLong(workerBytes)));
            double b = u.path("busy_per_worker").asDouble(Double.NaN);
            busy = Double.isFinite(b) && b > 0 ? Math.min(1, b) : busy;
        }
        return WorkerDevices.auto(
                listed,
                AutoWorkers::gpuMemory,
                workerBytes,
                busy,
                Runtime.getRuntime().availableProcessors(),
                progress::preparing);
    }

    /** A GPU's memory as NVML reports it, by CUDA index; 0 when NVML does not see it. */
    private static long gpuMemory(int cuda) {
        NvmlEnergyMeter nvml = NvmlEnergyMeter.forCudaDevices(List.of(cuda), DeviceSync.NONE);
        return nvml.availability().available() ? nvml.gpus().get(0).memoryBytes() : 0;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "{}";
        }
    }
}
