package io.paretone.search.worker;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker JVM as the scheduler sees it. A reader thread turns its stdout lines into events; at
 * the end of its stdout it waits for the process and posts its exit, so an exit always follows the
 * worker's last message. The last lines it printed besides messages are kept to explain a death.
 */
final class ProcessWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessWorker.class);
    /** A pause between reads of a worker's stderr, so that a line-a-call spam is read in batches, not a wake-up a line. */
    private static final long STDERR_BATCH_MILLIS = 20;

    /** Something that happened to a worker: a message, or its exit. */
    record Event(ProcessWorker worker, FromWorker message, Integer exitCode) {}

    private final String id;
    private final Process process;
    private final BufferedWriter stdin;
    private final OutputTail tail;

    private ProcessWorker(String id, Process process) {
        this.id = id;
        this.process = process;
        this.tail = new OutputTail(line -> LOG.debug("[{} stderr] {}", id, line));
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    }

    static ProcessWorker start(String id, List<String> command, BlockingQueue<Event> events) throws IOException {
        LOG.info("starting worker {}: {}", id, String.join(" ", command));
        Process p = new ProcessBuilder(command).start();
        ProcessWorker w = new ProcessWorker(id, p);
        Thread err = new Thread(w::readStderr, "worker-" + id + "-stderr");
        err.setDaemon(true);
        err.start();
        Thread out = new Thread(() -> w.readStdout(events, err), "worker-" + id + "-stdout");
        out.setDaemon(true);
        out.start();
        return w;
    }

    String id() {
        return id;
    }

    long pid() {
        return process.pid();
    }

    /** Sends a message; a worker that has died is reported by its exit event, so a failed write is only logged. */
    synchronized void send(ToWorker message) {
        try {
            stdin.write(WorkerProtocol.toWorker(message));
            stdin.newLine();
            stdin.flush();
        } catch (IOException e) {
            LOG.info("worker {} did not take {}: {}", id, message.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** SIGKILL. */
    void kill() {
        process.destroyForcibly();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself, then kills it. */
    void stop(long waitMillis) {
        try {
            if (!process.waitFor(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    /** Why a worker that exited with {@code code} died, in words, with its last stderr lines. */
    String describeExit(int code) {
        List<String> lines = this.tail.lines();
        String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        boolean heap = lines.stream().anyMatch(l -> l.contains("OutOfMemoryError"));
        String why;
        if (heap) {
            why = "ran out of Java heap (give workers more with --worker-memory)";
        } else if (code == 128 + 9) {
            why = "was killed (SIGKILL: from outside, or by the system's out-of-memory killer)";
        } else if (code == 128 + 6 || code == 128 + 11) {
            why = "crashed in native code (signal " + (code - 128) + ")";
        } else if (code > 128) {
            why = "died of signal " + (code - 128);
        } else {
            why = "exited with code " + code;
        }
        return "worker " + id + " (pid " + pid() + ") " + why + (tail.isEmpty() ? "" : "; last output: " + tail);
    }

    private void readStdout(BlockingQueue<Event> events, Thread stderrReader) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                try {
                    var message = WorkerProtocol.readFromWorker(line);
                    if (message.isPresent()) {
                        events.put(new Event(this, message.get(), null));
                    } else {
                        // The JVM itself prints here too (the out-of-memory exit, for one).
                        LOG.info("[{}] {}", id, line);
                        tail.add(line);
                    }
                } catch (IOException e) {
                    LOG.warn("[{}] unreadable protocol line ({}): {}", id, e.getMessage(), line);
                }
            }
        } catch (IOException e) {
            LOG.info("worker {} stdout closed: {}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            int code = process.waitFor();
            stderrReader.join(2000);
            events.put(new Event(this, null, code));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads stderr in bulk: what a read returns goes to the tail as bytes, then the thread pauses
     * briefly so that many small writes arrive as one read; a read that nearly fills the buffer is
     * followed at once, so a fast writer never waits on a full pipe for long.
     */
    private void readStderr() {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = process.getErrorStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                tail.accept(buffer, 0, n);
                if (n < buffer.length / 2) {
                    Thread.sleep(STDERR_BATCH_MILLIS);
                }
            }
        } catch (IOException e) {
            LOG.debug("worker {} stderr closed: {}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tail.close();
        }
    }
}
