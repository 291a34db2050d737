package io.paretone.evaluators.data;

import java.nio.file.Path;
import java.util.List;

/**
 * eSpeak NG: formant synthesis, many English voices and variants ({@code en-us+f3}). Pitch maps to
 * {@code -p 0..99}, rate to {@code -s} words per minute around its default of 175.
 */
final class EspeakNg implements SpeechEngine {
    private static final int DEFAULT_WORDS_PER_MINUTE = 175;

    @Override
    public String program() {
        return "espeak-ng";
    }

    @Override
    public String debianPackage() {
        return "espeak-ng";
    }

    @Override
    public List<String> defaultVoices() {
        return List.of("en-us", "en-gb", "en-us+f2", "en-us+f4", "en-gb+m3", "en-us+m7", "en-gb-scotland", "en-029+f3");
    }

    @Override
    public List<String> versionArguments() {
        return List.of("--version");
    }

    @Override
    public List<String> sayArguments(String word, String voice, double pitch, double rate, Path wav) {
        return List.of(
                "-v",
                voice,
                "-p",
                Long.toString(Math.round(pitch * 99)),
                "-s",
                Long.toString(Math.round(rate * DEFAULT_WORDS_PER_MINUTE)),
                "-w",
                wav.toString(),
                word);
    }
}
