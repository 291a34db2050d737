package io.paretone.experiments.cli;

import io.paretone.experiments.config.UsageException;
import io.paretone.spaces.check.InvalidValueException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point of the {@code paretone} command. Wrong input prints one line saying what is wrong and
 * what to do, and exits with 2; other failures print one line and exit with 1. Stack traces go to
 * the log file only.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        System.exit(mainWithoutExit(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command and returns its exit code; for tests. */
    public static int mainWithoutExit(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ParetoneCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            LOG.info("bad command line: {}", ex.getMessage());
            err.println("paretone: " + ex.getMessage() + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCode.USAGE.code();
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException || ex instanceof InvalidValueException) {
                LOG.info("bad input", ex);
                err.println("paretone: " + ex.getMessage());
                return ExitCode.USAGE.code();
            }
            LOG.error("paretone failed", ex);
            err.println("paretone: failed: " + ex.getMessage() + " (details in " + LogFile.path() + ")");
            return ExitCode.FAILED.code();
        });
        return cli.execute(args);
    }
}
