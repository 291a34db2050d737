package io.paretone.experiments.config;

import java.util.List;

/**
 * The table of settings in {@code docs/configuration.md}, written from {@link StudySchema}: that page
 * holds a copy between {@link #BEGIN} and {@link #END}, which a test compares with this one.
 */
public final class SettingsTable {
    /** The line before the table in the page. */
    public static final String BEGIN = "<!-- settings table: generated from StudySchema, do not edit by hand -->";
    /** The line after the table in the page. */
    public static final String END = "<!-- end of the settings table -->";

    private SettingsTable() {}

    /** The table in Markdown, one row per setting, in the schema's order. */
    public static String markdown(List<Setting> settings) {
        StringBuilder b = new StringBuilder("| key | option | meaning | default |\n|---|---|---|---|\n");
        for (Setting s : settings) {
            String option =
                    s.flag() == null ? "" : "`" + s.flag() + (s.paramLabel() == null ? "" : " " + s.paramLabel()) + "`";
            String meaning = s.help()
                    + (s.kinds() == null || s.kinds().size() > 2 ? "" : " (dataset kind " + s.kindWords() + ")");
            b.append("| `")
                    .append(s.documentedKey())
                    .append("` | ")
                    .append(option)
                    .append(" | ")
                    .append(cell(meaning))
                    .append(" | ")
                    .append(s.byDefault() == null ? "none" : cell(s.byDefault()))
                    .append(" |\n");
        }
        return b.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** The table a page holds between {@link #BEGIN} and {@link #END}. */
    public static String tableIn(String page) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the page lacks the lines " + BEGIN + " and " + END);
        }
        return page.substring(begin + BEGIN.length() + 1, end);
    }

    /** The page with its table replaced by {@code table}. */
    public static String replaceIn(String page, String table) {
        String old = tableIn(page);
        int at = page.indexOf(BEGIN) + BEGIN.length() + 1;
        return page.substring(0, at) + table + page.substring(at + old.length());
    }
}
