package io.paretone.spaces.check;

import java.util.List;

/** A list of choices in words, as help and error messages write it. */
public final class Choices {
    private Choices() {}

    /** "a", "a or b", "a, b or c". */
    public static String inWords(List<String> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("no choices to list");
        }
        int last = choices.size() - 1;
        return last == 0 ? choices.get(0) : String.join(", ", choices.subList(0, last)) + " or " + choices.get(last);
    }
}
