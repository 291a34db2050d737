package io.paretone.evaluators.energy;

import ai.djl.Device;
import io.paretone.spaces.check.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The meter chosen for a study's device, the Lacoste et al. figures that go with it, and why the
 * better meters were not used.
 *
 * <p>The meter sums three parts. CPU: RAPL where its counters can be read, else process CPU time x
 * the CPU's TDP per thread. GPU (when the study runs on one): NVML, else every GPU at its TDP. RAM:
 * resident memory x watts per GB, always an estimate. {@link MeterChoice#ESTIMATE} takes the
 * estimates everywhere; {@link MeterChoice#RAPL} and {@link MeterChoice#NVML} make a missing
 * counter an error instead of a fallback.
 *
 * @param meter the composite meter of every candidate window and of the study's own window
 * @param lacoste n and p_max for the Lacoste estimate beside each measured figure
 * @param notes why a better meter was not used, one sentence each; say them once
 */
public record MeterSelection(EnergyMeter meter, LacosteEstimate lacoste, List<String> notes) {

    public MeterSelection {
        notes = List.copyOf(notes);
    }

    /**
     * @throws InvalidValueException when a meter insisted on cannot be used here, with the reason
     */
    public static MeterSelection choose(EnergySettings settings, Device device, MeterSources sources) {
        List<String> notes = new ArrayList<>();
        List<EnergyMeter> parts = new ArrayList<>();
        CpuPower cpuPower = CpuPower.resolve(settings, sources.cpu(), sources.tdp());
        parts.add(cpuMeter(settings, cpuPower, sources, notes));
        LacosteEstimate lacoste;
        if (device.isGpu()) {
            lacoste = gpuPart(settings, device.getDeviceId(), sources, parts, notes);
        } else {
            if (settings.meter() == MeterChoice.NVML) {
                throw new InvalidValueException(
                        "meter",
                        "nvml",
                        "NVML meters NVIDIA GPUs and this study runs on the CPU; use --device gpu or --meter auto");
            }
            int cpus = sources.availableProcessors();
            lacoste = new LacosteEstimate(
                    1,
                    cpus * cpuPower.wattsPerCpu() / 1000,
                    String.format(Locale.ROOT, "1 CPU device, p_max = %d CPUs x %.2f W", cpus, cpuPower.wattsPerCpu()));
        }
        parts.add(new RamEnergyMeter(settings.ramWattsPerGb()));
        return new MeterSelection(new CompositeEnergyMeter(parts), lacoste, notes);
    }

    private static EnergyMeter cpuMeter(
            EnergySettings settings, CpuPower power, MeterSources sources, List<String> notes) {
        if (settings.meter() == MeterChoice.ESTIMATE) {
            return new CpuTimeEnergyMeter(power);
        }
        EnergyMeter rapl = sources.rapl();
        MeterAvailability a = rapl.availability();
        if (a.available()) {
            return rapl;
        }
        if (settings.meter() == MeterChoice.RAPL) {
            throw new InvalidValueException(
                    "meter",
                    "rapl",
                    "RAPL cannot be read here: " + a.reason()
                            + "; use --meter auto to fall back to the CPU-time estimate");
        }
        notes.add("RAPL not used: " + a.reason() + ".");
        return new CpuTimeEnergyMeter(power);
    }

    private static LacosteEstimate gpuPart(
            EnergySettings settings, int cudaIndex, MeterSources sources, List<EnergyMeter> parts, List<String> notes) {
        if (settings.meter() != MeterChoice.ESTIMATE) {
            NvmlEnergyMeter nvml = sources.nvml(List.of(cudaIndex));
            MeterAvailability a = nvml.availability();
            if (a.available()) {
                parts.add(nvml);
                GpuPowerSource gpu = nvml.gpus().get(0);
                if (!Double.isNaN(gpu.powerLimitWatts())) {
                    return new LacosteEstimate(
                            1,
                            gpu.powerLimitWatts() / 1000,
                            String.format(
                                    Locale.ROOT,
                                    "1 GPU, p_max = %.0f W, the power limit NVML reports for %s",
                                    gpu.powerLimitWatts(),
                                    gpu.name()));
                }
                return gpuTdpLacoste(settings, sources, gpu.name());
            }
            if (settings.meter() == MeterChoice.NVML) {
                throw new InvalidValueException(
                        "meter",
                        "nvml",
                        "NVML cannot meter GPU " + cudaIndex + " here: " + a.reason()
                                + "; use --meter auto to fall back to the GPU TDP estimate");
            }
            notes.add("NVML not used: " + a.reason() + ".");
        }
        LacosteEstimate lacoste = gpuTdpLacoste(settings, sources, null);
        parts.add(new GpuTdpEnergyMeter(1, lacoste.pMaxKw() * 1000, lacoste.basis()));
        return lacoste;
    }

    /** p_max of a GPU without an NVML power limit: --gpu-tdp, else the table by name, else the default. */
    private static LacosteEstimate gpuTdpLacoste(EnergySettings settings, MeterSources sources, String name) {
        OptionalDouble given = settings.gpuTdpWatts();
        if (given.isPresent()) {
            return new LacosteEstimate(
                    1,
                    given.getAsDouble() / 1000,
                    String.format(Locale.ROOT, "1 GPU, p_max = %.0f W as given", given.getAsDouble()));
        }
        var known = sources.tdp().gpu(name);
        if (known.isPresent()) {
            return new LacosteEstimate(
                    1,
                    known.get().tdpWatts() / 1000,
                    String.format(
                            Locale.ROOT,
                            "1 GPU, p_max = %.0f W, the TDP table's figure for %s",
                            known.get().tdpWatts(),
                            known.get().key()));
        }
        return new LacosteEstimate(
                1,
                LacosteEstimate.DEFAULT_GPU_PMAX_KW,
                String.format(
                        Locale.ROOT,
                        "1 GPU, p_max = %.0f W assumed (a V100's TDP); give --gpu-tdp W",
                        LacosteEstimate.DEFAULT_GPU_PMAX_KW * 1000));
    }

    /** One paragraph for the console: the meter, whether it measures or estimates, and the notes. */
    public String describe() {
        StringBuilder s = new StringBuilder("energy meter ")
                .append(meter.name())
                .append(" (")
                .append(meter.availability().reason())
                .append(").");
        for (String note : notes) {
            s.append(' ').append(note);
        }
        return s.toString();
    }
}
