package io.paretone.evaluators.energy;

import io.paretone.spaces.check.Choices;
import io.paretone.spaces.check.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which meters a study may use: the best available ({@code auto}), or one kind insisted on. Each
 * choice is declared once, with what it does in words; the {@code --meter} help, the settings table
 * and the error for an unknown name read them. {@link MeterSelection} does what each says.
 */
public enum MeterChoice {
    /** RAPL for the CPU where readable, NVML for NVIDIA GPUs, estimates for the rest. */
    AUTO("RAPL, NVML where readable, else estimates"),
    /** RAPL for the CPU; an error where it cannot be read. */
    RAPL("RAPL for the CPU, an error where it cannot be read"),
    /** NVML for the GPU; an error where it cannot be read or the device is not a GPU. */
    NVML("NVML for the GPU, an error where it cannot be read"),
    /** Estimates only: CPU time x TDP, GPU TDP x time, RAM. Reproducible across machines. */
    ESTIMATE("estimates only, comparable across machines");

    private final String summary;

    MeterChoice(String summary) {
        this.summary = summary;
    }

    /** @throws InvalidValueException naming the allowed values */
    public static MeterChoice parse(String text) {
        return Arrays.stream(values())
                .filter(c -> c.label().equals(text.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException(
                        "meter",
                        text,
                        "use "
                                + Choices.inWords(Arrays.stream(values())
                                        .map(MeterChoice::label)
                                        .toList())));
    }

    /** The name users give, such as {@code auto}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Each choice with what it does, in words, for help: "auto (...), rapl (...), ... or estimate (...)". */
    public static String help() {
        return Choices.inWords(Arrays.stream(values())
                .map(c -> c.label() + " (" + c.summary + ")")
                .toList());
    }
}
