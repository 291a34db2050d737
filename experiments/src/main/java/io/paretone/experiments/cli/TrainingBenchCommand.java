package io.paretone.experiments.cli;

import io.paretone.experiments.bench.TrainingBench;
import io.paretone.experiments.config.UsageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paretone bench training}: paretone's trainer against PyTorch eager on torch_ref.py's sweep. */
@Command(
        name = "training",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Time paretone's trainer (ms per step) on the genomes of torch_ref.py --sweep, beside PyTorch"
                + " eager measured by torch_ref.py in the same run on the same device, and the throughput ratio.")
public final class TrainingBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DeviceOption device;

    @Option(names = "--steps", paramLabel = "N", description = "Timed steps per genome (default ${DEFAULT-VALUE}).")
    int steps = 160;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed steps before them (default ${DEFAULT-VALUE}).")
    int warmup = 10;

    @Option(
            names = "--batch",
            paramLabel = "N",
            description = "One batch size for every genome (default: the sweep's).")
    int batch;

    @Option(
            names = "--tiny",
            description = "Smoke-test sizes for a CPU: the sweep's depths, kernels and crops at the narrowest"
                    + " widths, batch 1, 1 warm-up and 2 timed steps.")
    boolean tiny;

    @Option(
            names = "--torch-ref",
            paramLabel = "FILE",
            description = "torch_ref.py, run per genome for the PyTorch column (default: paretone's column only).")
    Path torchRef;

    @Option(
            names = "--python",
            paramLabel = "CMD",
            description = "Python that runs torch_ref.py (default ${DEFAULT-VALUE}).")
    String python = "python3";

    @Option(names = "--families", paramLabel = "NAMES", split = ",", description = "wavenet, vae (default: both).")
    List<String> families = List.of();

    @Option(
            names = "--only",
            paramLabel = "TEXT",
            description = "Only the genomes whose row contains TEXT, matched"
                    + " against the genome as printed followed by batch=N (for example \"L=30\" or \"k=2 batch=64\").")
    String only = "";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of weights and batches (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            description = "Rounds per genome, alternating paretone and torch_ref;"
                    + " each column is the median of its rounds (default ${DEFAULT-VALUE}; --tiny runs 1).")
    int rounds = 3;

    @Option(
            names = "--torch-arg",
            paramLabel = "ARG",
            description = "An extra argument for every torch_ref.py run, repeatable (for example"
                    + " --torch-arg=--cudnn-benchmark; torch_ref.py --help lists them).")
    List<String> torchArgs = List.of();

    @Option(
            names = "--trace",
            paramLabel = "DIR",
            description = "Write PyTorch's profiler trace of paretone's timed steps (Chrome JSON, one file per"
                    + " genome and round) to DIR, to count the operations a step issues; it slows those steps.")
    Path trace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (torchRef != null && !Files.isRegularFile(torchRef)) {
            throw new UsageException("--torch-ref " + torchRef + " is not a file; give the path of torch_ref.py"
                    + " (on the GPU machine .gpu/torch_ref.py)");
        }
        for (String f : families) {
            if (!f.equals("wavenet") && !f.equals("vae")) {
                throw new UsageException("--families " + f + ": the sweep has wavenet and vae genomes only");
            }
        }
        var settings = new TrainingBench.Settings(
                device.device(),
                tiny ? 2 : steps,
                tiny ? 1 : warmup,
                tiny ? 1 : batch,
                tiny,
                torchRef,
                python,
                families,
                only,
                seed,
                tiny ? 1 : rounds,
                torchArgs,
                trace);
        List<TrainingBench.Row> rows = TrainingBench.run(settings, out);
        boolean failed = rows.stream().anyMatch(r -> !Double.isFinite(r.paretoneMs()));
        return failed ? ExitCode.FAILED.code() : ExitCode.OK.code();
    }
}
