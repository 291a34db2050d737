package io.paretone.experiments.cli;

/** The exit codes of the {@code paretone} command. */
public enum ExitCode {
    /** Finished. */
    OK(0),
    /** The work itself failed (see the log); the input was fine. */
    FAILED(1),
    /** The input was wrong: option, config file, value or output folder. */
    USAGE(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
