package io.paretone.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretone.evaluators.cost.FlopCount;
import io.paretone.evaluators.cost.FlopCounter;
import io.paretone.search.footprint.FootprintSummary;
import io.paretone.search.footprint.FootprintTotals;
import io.paretone.search.footprint.SharedDevices;
import io.paretone.search.store.HypervolumePoint;
import io.paretone.search.store.RunFolder;
import io.paretone.search.store.SessionFootprint;
import io.paretone.search.trial.SearchJson;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialStatus;
import io.paretone.search.worker.TrialEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a study writes into its run folder besides the trial log: {@code study.json} (its identity
 * and how it runs), and at the end {@code summary.json} with the results, {@code footprint.csv} and
 * {@code gpu-usage.json}.
 */
final class StudyFiles {
    /** Read back by {@link AutoWorkers} when the study runs again. */
    static final String GPU_USAGE = "gpu-usage.json";

    private final StudySettings settings;
    private final List<String> devices;
    private final RunFolder folder;

    /** @param devices the device of each worker */
    StudyFiles(StudySettings settings, List<String> devices, RunFolder folder) {
        this.settings = settings;
        this.devices = List.copyOf(devices);
        this.folder = folder;
    }

    /** {@code study.json}: the identity, plus what the run adds (the meter, once workers chose it; null before). */
    void writeStudy(ObjectNode identity, String name, TrialEngine pool) {
        ObjectNode s = identity.deepCopy();
        if (pool != null) {
            s.putObject("energy").put("meter", pool.meterName()).put("meter_details", pool.energyDescription());
            s.put("quality_proxy_description", pool.proxyDescription());
        }
        s.put("carbon_intensity_source", settings.carbon().source()).put("carbon_budget_kg", settings.carbonBudgetKg());
        s.put("study", name)
                .put("name", settings.name())
                .put("storage", settings.storageFile().toString());
        s.put("generations", settings.generations())
                .put("workers", settings.workers().count());
        s.set("devices", SearchJson.MAPPER.valueToTree(devices));
        s.set("budget", SearchJson.MAPPER.valueToTree(settings.budget()));
        s.set("pruning", SearchJson.MAPPER.valueToTree(settings.pruning()));
        // Read by reports of run folders (RunFolderReader), which predate the nested constraints.
        s.put("max_parameters", settings.constraints().maxParameters());
        s.put("max_co2e_kg", settings.constraints().maxKgCo2e());
        s.put("flop_convention", FlopCounter.CONVENTION + "; " + FlopCount.BACKWARD_CONVENTION);
        folder.writeStudy(s);
    }

    /** The results: the trials, the front and {@code summary.json}, and {@code footprint.csv}. */
    void writeResults(StudyResult result, FootprintSummary spent) {
        List<HypervolumePoint> hypervolumes = result.hypervolumes();
        FootprintTotals totals = result.footprint();
        SessionFootprint session = result.session();
        StudyResult.Overhead overhead = result.overhead();
        List<Trial> trials = result.trials();
        ObjectNode summary = SearchJson.MAPPER.createObjectNode();
        summary.put("study", result.study());
        summary.put("storage", settings.storageFile().toString());
        summary.put("stop_reason", result.stopReason());
        summary.put("trials", trials.size());
        summary.put("failed", trials.stream().filter(t -> !t.complete()).count());
        for (TrialStatus s : List.of(TrialStatus.COMPLETE, TrialStatus.FAILED, TrialStatus.PRUNED)) {
            summary.put(s.name().toLowerCase(Locale.ROOT) + "_trials", result.count(s));
        }
        summary.put("front_size", result.front().size());
        summary.put("candidates_evaluated", trials.size());
        summary.put(
                "hypervolume",
                hypervolumes.isEmpty()
                        ? 0
                        : hypervolumes.get(hypervolumes.size() - 1).hypervolume());
        summary.put("pruned_joules_saved", result.prunedJoulesSaved());
        // The whole study, all its runs: what reports call the study's own footprint.
        summary.put("study_seconds", totals.totalSeconds());
        summary.put("study_joules", totals.totalJoules());
        summary.put("study_kg_co2e", totals.totalKgCo2e());
        summary.put("study_energy_method", totals.energyMethod());
        summary.set("footprint", totals.toJson());
        summary.put("session_seconds", session.wallSeconds());
        summary.put("session_joules", result.sessionJoules());
        summary.put("session_kg_co2e", settings.carbon().kgCo2e(result.sessionJoules()));
        summary.put("search_seconds", overhead.searchSeconds());
        summary.put("main_process_cpu_seconds", overhead.mainCpuSeconds());
        summary.put("main_process_overhead", overhead.fraction());
        // Its parts (docs/measurement.md, "The scheduling process's overhead"): once per run, and per trial.
        summary.put("main_process_startup_cpu_seconds", overhead.startupCpuSeconds());
        summary.put("main_process_total_cpu_seconds", overhead.totalCpuSeconds());
        summary.put("main_process_trials", overhead.trials());
        summary.put("main_process_cpu_seconds_per_trial", overhead.cpuSecondsPerTrial());
        // Every candidate's energy, then the overhead and the total.
        write("footprint.csv", spent.csv());
        folder.writeResults(trials, result.front(), summary, hypervolumes);
    }

    /** {@code gpu-usage.json}: how busy each GPU was and the largest process on it, for {@code --workers auto}. */
    void writeGpuUsage(Map<String, SharedDevices.GpuUsage> usage) {
        if (usage.isEmpty()) {
            return;
        }
        SharedDevices.GpuUsage u = usage.values().iterator().next();
        ObjectNode o = SearchJson.MAPPER.createObjectNode();
        o.put("busy_fraction", u.busyFraction())
                .put("mean_running_trials", u.meanRunning())
                .put("busy_per_worker", u.busyPerWorker())
                .put("peak_process_bytes", u.peakProcessBytes())
                .put("gpu_bytes", u.gpuBytes());
        write(GPU_USAGE, SearchJson.write(o));
    }

    private void write(String file, String text) {
        Path path = folder.path().resolve(file);
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }
}
