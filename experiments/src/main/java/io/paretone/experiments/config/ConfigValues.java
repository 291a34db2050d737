package io.paretone.experiments.config;

import java.util.function.Consumer;

/** Passing a config's values on to the library's builders, where an unset value leaves the builder's default. */
final class ConfigValues {
    private ConfigValues() {}

    /** Gives the value to {@code use} when the config sets it (not null); otherwise does nothing. */
    static <T> void ifSet(T value, Consumer<? super T> use) {
        if (value != null) {
            use.accept(value);
        }
    }
}
