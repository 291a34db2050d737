package io.paretone.evaluators.energy;

import io.paretone.spaces.check.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Estimates GPU energy as every GPU at its TDP for the whole window: the assumption of Lacoste et
 * al., an upper bound, used only for a GPU that NVML cannot read (no NVIDIA driver library, a GPU
 * of another vendor, or one without power readings).
 */
public final class GpuTdpEnergyMeter implements EnergyMeter {
    private final int gpus;
    private final double tdpWatts;
    private final String basis;

    /**
     * @param gpus GPUs the candidate uses
     * @param tdpWatts TDP of each
     * @param basis where the TDP came from, in words
     */
    public GpuTdpEnergyMeter(int gpus, double tdpWatts, String basis) {
        this.gpus = Check.positive("GPUs", gpus);
        this.tdpWatts = Check.positive("GPU TDP", tdpWatts);
        this.basis = basis;
    }

    @Override
    public String name() {
        return "gpu-tdp";
    }

    @Override
    public MeterAvailability availability() {
        return MeterAvailability.yes(
                String.format(Locale.ROOT, "%d GPU(s) at %.0f W (%s) for the whole window", gpus, tdpWatts, basis));
    }

    @Override
    public Window start() {
        long start = System.nanoTime();
        List<MeteredDevice> devices = new ArrayList<>();
        for (int i = 0; i < gpus; i++) {
            devices.add(new MeteredDevice("gpu", "GPU " + i + " (not readable by NVML)", tdpWatts, null));
        }
        return new ClosableWindow() {
            @Override
            protected EnergyReading measure() {
                double seconds = (System.nanoTime() - start) / 1e9;
                return new EnergyReading(
                        gpus * tdpWatts * seconds,
                        seconds,
                        name(),
                        true,
                        String.format(Locale.ROOT, "%d GPU(s) x %.0f W (%s) x %.2f s", gpus, tdpWatts, basis, seconds),
                        devices,
                        List.of());
            }
        };
    }
}
