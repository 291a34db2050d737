package io.paretone.search.worker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The last lines a worker printed besides its messages, to explain its death, kept cheaply.
 *
 * <p>A worker's native libraries may print a line per operator call (PyTorch's "Could not initialize
 * NNPACK" on CPUs without AVX2 does, for every convolution): read a line at a time into Strings, that
 * spam cost the scheduling process most of its CPU time. So the raw bytes are scanned for line ends in
 * bulk, a line equal to the one before only counts a repeat (no String is made for it), and only the
 * last {@value #LINES} distinct lines are kept, each with its repeat count. Lines are compared after
 * a leading bracketed prefix (PyTorch's logging prefixes each line with its level, time to the
 * nanosecond, file and line: {@code [W1203 01:38:12.907138947 NNPACK.cpp:57] Could not ...}), so such
 * lines repeat too; the first one's prefix is kept.
 */
final class OutputTail {
    static final int LINES = 20;
    /** Longer lines are cut here; an explanation needs their start. */
    static final int MAX_LINE_BYTES = 4096;

    private final Deque<Entry> lines = new ArrayDeque<>();
    private final Consumer<String> onNewLine;
    private byte[] partial = new byte[256];
    private int partialLength;
    private byte[] last = new byte[0];
    private int lastLength = -1;
    private boolean lastKept;

    /** @param onNewLine told each line that is not a repeat of the one before (for a debug log), or ignores it */
    OutputTail(Consumer<String> onNewLine) {
        this.onNewLine = onNewLine;
    }

    /** Bytes as read from the stream; a line may end in a later call. */
    synchronized void accept(byte[] bytes, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                if (partialLength == 0) {
                    line(bytes, start, i - start);
                } else {
                    append(bytes, start, i - start);
                    line(partial, 0, partialLength);
                    partialLength = 0;
                }
                start = i + 1;
            }
        }
        append(bytes, start, end - start);
    }

    /** A whole line, already a String (the worker's stdout besides its messages). */
    synchronized void add(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        line(b, 0, b.length);
    }

    /** The end of the stream: a last line without a line end counts too. */
    synchronized void close() {
        if (partialLength > 0) {
            line(partial, 0, partialLength);
            partialLength = 0;
        }
    }

    /** The kept lines, oldest first; a repeated line says how many times it came. */
    synchronized List<String> lines() {
        return lines.stream().map(Entry::text).toList();
    }

    private void append(byte[] bytes, int offset, int length) {
        int room = MAX_LINE_BYTES - partialLength;
        int n = Math.min(length, room);
        if (n <= 0) {
            return;
        }
        if (partialLength + n > partial.length) {
            partial = Arrays.copyOf(partial, Math.min(MAX_LINE_BYTES, Math.max(partial.length * 2, partialLength + n)));
        }
        System.arraycopy(bytes, offset, partial, partialLength, n);
        partialLength += n;
    }

    private void line(byte[] bytes, int offset, int length) {
        int n = Math.min(length, MAX_LINE_BYTES);
        if (n > 0 && bytes[offset + n - 1] == '\r') {
            n--;
        }
        int body = bodyStart(bytes, offset, n);
        if (n - body == lastLength && Arrays.equals(bytes, offset + body, offset + n, last, 0, n - body)) {
            if (lastKept) {
                lines.peekLast().repeats++;
            }
            return;
        }
        if (last.length < n - body) {
            last = new byte[Math.max(n - body, 2 * last.length)];
        }
        System.arraycopy(bytes, offset + body, last, 0, n - body);
        lastLength = n - body;
        String text = new String(bytes, offset, n, StandardCharsets.UTF_8);
        onNewLine.accept(text);
        lastKept = !(text.isBlank() || text.startsWith("\tat ") || text.startsWith("\t... "));
        if (!lastKept) {
            return; // stack frames say less than the lines before them
        }
        lines.addLast(new Entry(text));
        if (lines.size() > LINES) {
            lines.removeFirst();
        }
    }

    /** Where a line's text starts: after a leading {@code [...]} prefix of at most 80 bytes, else 0. */
    private static int bodyStart(byte[] bytes, int offset, int length) {
        if (length == 0 || bytes[offset] != '[') {
            return 0;
        }
        for (int i = 1; i < Math.min(length, 80); i++) {
            if (bytes[offset + i] == ']') {
                return i + 1;
            }
        }
        return 0;
    }

    private static final class Entry {
        final String line;
        long repeats;

        Entry(String line) {
            this.line = line;
        }

        String text() {
            return repeats == 0 ? line : line + " (" + (repeats + 1) + " times)";
        }
    }
}
