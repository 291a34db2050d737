package io.paretone.experiments.doctor;

import java.io.PrintWriter;
import java.util.List;

/**
 * One thing {@code paretone doctor} found: a topic, what this machine has, and what to do about it
 * when something is missing (null when nothing is).
 */
public record Finding(String topic, String value, String advice) {
    private static final int TOPIC_WIDTH = 12;

    public static Finding fine(String topic, String value) {
        return new Finding(topic, value, null);
    }

    /** Prints each finding on its line, its advice indented on the next. */
    public static void print(List<Finding> findings, PrintWriter out) {
        for (Finding f : findings) {
            out.println(String.format("%-" + TOPIC_WIDTH + "s %s", f.topic(), f.value()));
            if (f.advice() != null) {
                out.println(" ".repeat(TOPIC_WIDTH) + " -> " + f.advice());
            }
        }
    }
}
