package io.paretone.evaluators.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * CMU Flite: unit-selection and statistical voices ({@code kal16}, {@code awb}, {@code rms},
 * {@code slt}). Pitch maps to a mean F0 of 80 to 220 Hz ({@code int_f0_target_mean}), rate to
 * {@code duration_stretch = 1 / rate}.
 */
final class Flite implements SpeechEngine {
    private static final double LOWEST_F0 = 80;
    private static final double HIGHEST_F0 = 220;

    @Override
    public String program() {
        return "flite";
    }

    @Override
    public String debianPackage() {
        return "flite";
    }

    @Override
    public List<String> defaultVoices() {
        return List.of("kal16", "awb", "rms", "slt", "kal");
    }

    @Override
    public List<String> versionArguments() {
        return List.of("--version");
    }

    /** Flite falls back to its default voice for an unknown name, so names are checked first. */
    @Override
    public List<String> listVoicesArguments() {
        return List.of("-lv");
    }

    /** Parses {@code Voices available: kal awb_time kal16 ...}. */
    @Override
    public List<String> parseVoices(String listing) {
        int colon = listing.indexOf(':');
        String names = colon < 0 ? listing : listing.substring(colon + 1);
        return List.of(names.trim().split("\\s+"));
    }

    @Override
    public List<String> sayArguments(String word, String voice, double pitch, double rate, Path wav) {
        double f0 = LOWEST_F0 + pitch * (HIGHEST_F0 - LOWEST_F0);
        return List.of(
                "-voice",
                voice,
                "-t",
                word,
                "-o",
                wav.toString(),
                "--setf",
                String.format(Locale.ROOT, "int_f0_target_mean=%.1f", f0),
                "--setf",
                String.format(Locale.ROOT, "duration_stretch=%.4f", 1 / rate));
    }
}
