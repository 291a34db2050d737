package io.paretone.experiments.report;

import java.util.Locale;

/** Human-readable numbers for tables. */
public final class Units {
    private Units() {}

    /** 1234567 as 1.23M. */
    public static String count(double v) {
        String[] suffix = {"", "k", "M", "G", "T", "P"};
        int i = 0;
        double x = v;
        while (Math.abs(x) >= 1000 && i < suffix.length - 1) {
            x /= 1000;
            i++;
        }
        return i == 0 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.3g%s", x, suffix[i]);
    }
}
