package io.paretone.evaluators.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A text-to-speech program run as a separate process to say one word into a WAV file. One
 * implementation per program; each maps the same voice-independent controls onto its own options.
 */
interface SpeechEngine {
    /** The program's name, as looked up on the PATH, such as {@code espeak-ng}. */
    String program();

    /** The Debian package that installs it. */
    String debianPackage();

    /** The voices used when the settings name none. */
    List<String> defaultVoices();

    /** Arguments after the program that print its version, for the cache key. */
    List<String> versionArguments();

    /**
     * Arguments after the program that list its voices, or none when the program rejects an
     * unknown voice by itself.
     */
    default List<String> listVoicesArguments() {
        return List.of();
    }

    /** The voice names in the output of {@link #listVoicesArguments()}. */
    default List<String> parseVoices(String listing) {
        return List.of();
    }

    /**
     * Arguments after the program that say {@code word} into {@code wav}.
     *
     * @param pitch 0 (lowest) to 1 (highest) within the program's pitch range
     * @param rate speaking rate relative to the program's default, 1 = normal, 2 = twice as fast
     */
    List<String> sayArguments(String word, String voice, double pitch, double rate, Path wav);
}
