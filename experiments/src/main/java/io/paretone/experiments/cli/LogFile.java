package io.paretone.experiments.cli;

/**
 * Where the debug log goes: {@code -Dparetone.log=FILE} or {@code ~/.paretone/paretone.log}. The
 * logback configuration reads the same property.
 */
final class LogFile {
    private LogFile() {}

    static String path() {
        return System.getProperty("paretone.log", System.getProperty("user.home") + "/.paretone/paretone.log");
    }
}
