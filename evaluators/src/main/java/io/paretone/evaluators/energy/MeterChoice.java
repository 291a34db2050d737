package io.paretone.evaluators.energy;

import io.paretone.spaces.check.InvalidValueException;
import java.util.Locale;

/** Which meters a study may use: the best available ({@code auto}), or one kind insisted on. */
public enum MeterChoice {
    /** RAPL for the CPU where readable, NVML for NVIDIA GPUs, estimates for the rest. */
    AUTO,
    /** RAPL for the CPU; an error where it cannot be read. */
    RAPL,
    /** NVML for the GPU; an error where it cannot be read or the device is not a GPU. */
    NVML,
    /** Estimates only: CPU time x TDP, GPU TDP x time, RAM. Reproducible across machines. */
    ESTIMATE;

    /** @throws InvalidValueException naming the allowed values */
    public static MeterChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("meter", text, "use auto, rapl, nvml or estimate");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
