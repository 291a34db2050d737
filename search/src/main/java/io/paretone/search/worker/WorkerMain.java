package io.paretone.search.worker;

import io.paretone.spaces.Architecture;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.genome.Genome;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Entry point of a worker process: reads {@link ToWorker} messages as JSON lines on stdin and
 * writes {@link FromWorker} messages as prefixed JSON lines on stdout. Everything else the JVM
 * prints goes to stderr. When stdin closes without a shutdown, the scheduling process is gone
 * (killed, crashed) and the worker halts at once, even mid-training, so no orphan keeps a core or
 * a GPU busy.
 */
public final class WorkerMain {
    /** Exit code when the scheduler disappeared (3 is the JVM's for running out of heap). */
    static final int ORPHANED = 4;

    private WorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        serve(ModelFamilies::decode);
        // DJL and PyTorch keep non-daemon threads; the worker is done.
        System.exit(0);
    }

    /**
     * Serves with the given decoder (tests wrap architectures with faults of their own) until the
     * scheduler says shut down; the caller's {@code main} then ends the JVM.
     */
    public static void serve(Function<Genome, Architecture> decoder) throws InterruptedException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BlockingQueue<ToWorker> inbox = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(inbox), "worker-stdin");
        reader.setDaemon(true);
        reader.start();
        new TrialWorker(decoder).serve(inbox::take, m -> {
            synchronized (protocol) {
                protocol.println(WorkerProtocol.fromWorker(m));
            }
        });
        protocol.flush();
    }

    private static void read(BlockingQueue<ToWorker> inbox) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                ToWorker m = WorkerProtocol.readToWorker(line);
                inbox.put(m);
                if (m instanceof ToWorker.Shutdown) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("worker: stdin failed: " + e);
        }
        System.err.println("worker: the scheduling process is gone; stopping");
        Runtime.getRuntime().halt(ORPHANED);
    }
}
