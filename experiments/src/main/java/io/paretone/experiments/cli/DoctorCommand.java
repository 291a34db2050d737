package io.paretone.experiments.cli;

import io.paretone.evaluators.data.ExecutableLookup;
import io.paretone.experiments.doctor.Finding;
import io.paretone.experiments.doctor.MachineReport;
import io.paretone.experiments.doctor.SmokeRun;
import io.paretone.spaces.Domain;
import io.paretone.spaces.runtime.DjlRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paretone doctor}: what this machine gives paretone; with {@code --smoke}, every family trained briefly. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Say what this machine gives paretone (Java, DJL, PyTorch and its route, GPUs, NVML, RAPL, the"
                + " energy meter, fonts, Chromium) and what to do about what is missing. With --smoke, train every"
                + " family of the domain(s) for a few steps on the device, generate, count and meter: one line each.")
public final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--smoke", description = "Also train, generate, count and meter every family briefly.")
    boolean smoke;

    @Option(
            names = "--device",
            paramLabel = "DEV",
            defaultValue = "auto",
            description = "auto, cpu, gpu or gpu:N (default ${DEFAULT-VALUE}).")
    String device;

    @Option(
            names = "--domain",
            paramLabel = "DOMAIN",
            defaultValue = "all",
            description = "Families of the smoke run: audio, image or all (default ${DEFAULT-VALUE}).")
    String domain;

    @Mixin
    AllowDownloadOption allowDownload = new AllowDownloadOption();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Domain> domains = domain.equalsIgnoreCase("all") ? List.of(Domain.values()) : List.of(Domain.byId(domain));
        if (Boolean.TRUE.equals(allowDownload.given)) {
            DjlRuntime.allowDownloads();
        }
        Finding.print(MachineReport.of(device, ExecutableLookup.onPath()), out);
        if (!smoke) {
            out.flush();
            return ExitCode.OK.code();
        }
        Path work = Files.createTempDirectory("paretone-smoke");
        try {
            boolean ok = SmokeRun.run(device, domains, work, out);
            out.flush();
            return ok ? ExitCode.OK.code() : ExitCode.FAILED.code();
        } finally {
            delete(work);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the smoke run's folder " + dir, e);
        }
    }
}
