package io.paretone.search.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTailTest {
    private static void feed(OutputTail tail, String text, int chunk) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i += chunk) {
            tail.accept(b, i, Math.min(chunk, b.length - i));
        }
    }

    @Test
    void linesSplitAcrossReadsAreWholeAndALastLineWithoutEndCountsAtClose() {
        OutputTail tail = new OutputTail(l -> {});
        feed(tail, "first line\nsecond line\r\nthird", 3);
        tail.close();
        assertEquals(List.of("first line", "second line", "third"), tail.lines());
    }

    @Test
    void repeatedLinesCollapseIntoOneWithACountEvenWhenOnlyTheirLogPrefixDiffers() {
        List<String> told = new ArrayList<>();
        OutputTail tail = new OutputTail(told::add);
        feed(
                tail,
                "[W1203 01:38:12.907138947 NNPACK.cpp:57] Could not initialize NNPACK!\n"
                        + "[W1203 01:38:12.910791648 NNPACK.cpp:57] Could not initialize NNPACK!\n"
                        + "[W1203 01:38:12.911129310 NNPACK.cpp:57] Could not initialize NNPACK!\n"
                        + "java.lang.OutOfMemoryError: Java heap space\n",
                7);
        assertEquals(
                List.of(
                        "[W1203 01:38:12.907138947 NNPACK.cpp:57] Could not initialize NNPACK! (3 times)",
                        "java.lang.OutOfMemoryError: Java heap space"),
                tail.lines());
        assertEquals(2, told.size(), "a repeat is not told as a new line");
    }

    @Test
    void keepsOnlyTheLastLinesAndSkipsStackFrames() {
        OutputTail tail = new OutputTail(l -> {});
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < OutputTail.LINES + 5; i++) {
            text.append("line ").append(i).append("\n\tat Foo.bar(Foo.java:1)\n");
        }
        feed(tail, text.toString(), 1 << 16);
        List<String> lines = tail.lines();
        assertEquals(OutputTail.LINES, lines.size());
        assertEquals("line 5", lines.get(0));
        assertEquals("line " + (OutputTail.LINES + 4), lines.get(lines.size() - 1));
    }

    @Test
    void aVeryLongLineIsCutNotKeptWhole() {
        OutputTail tail = new OutputTail(l -> {});
        feed(tail, "x".repeat(3 * OutputTail.MAX_LINE_BYTES) + "\n", 1000);
        assertEquals(OutputTail.MAX_LINE_BYTES, tail.lines().get(0).length());
    }
}
