package io.paretone.experiments.bench;

import io.paretone.experiments.config.ConfigReader;
import io.paretone.experiments.config.DatasetFactory;
import io.paretone.experiments.config.StudyConfig;
import io.paretone.experiments.config.StudyConfigMapper;
import io.paretone.experiments.report.HypervolumeHistory;
import io.paretone.search.SearchProgress;
import io.paretone.search.Study;
import io.paretone.search.StudyResult;
import io.paretone.search.StudySettings;
import io.paretone.search.store.HypervolumePoint;
import io.paretone.search.store.RunFolderReader;
import io.paretone.spaces.check.Check;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Search efficiency: runs each algorithm for several seeds on one space under the same trial
 * budget, every candidate really trained, and compares their hypervolume (on the studies' fixed
 * bounds) against trials evaluated and against the training CO2e spent. Each run is a stored study
 * of its own, so the bench can be inspected, reported and listed like any search.
 */
public final class SearchBench {
    /** One study of the bench. */
    public record Run(String algorithm, long seed, StudyResult result, HypervolumeHistory history) {
        /** The hypervolume after the first {@code trials} trials (all of them if fewer ran). */
        double hypervolumeAt(int trials) {
            var points = history.points();
            return points.isEmpty()
                    ? 0
                    : points.get(Math.min(trials, points.size()) - 1).hypervolume();
        }

        /** The hypervolume reached once at most {@code kg} of training CO2e was spent. */
        double hypervolumeWithin(double kg) {
            double hv = 0;
            for (var p : history.points()) {
                if (p.kgCo2eSpent() <= kg) {
                    hv = p.hypervolume();
                }
            }
            return hv;
        }
    }

    private SearchBench() {}

    /**
     * Runs the studies: for each algorithm, seeds {@code base seed} to {@code base seed + seeds - 1}.
     *
     * @param trials the budget of every run, in finished trials
     */
    public static List<Run> run(StudyConfig base, List<String> algorithms, int seeds, int trials, PrintWriter out) {
        Check.positive("seeds", seeds);
        Check.positive("trials", trials);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        long firstSeed = StudyConfigMapper.toSettings(base).seed();
        List<Run> runs = new ArrayList<>();
        int total = algorithms.size() * seeds;
        for (int s = 0; s < seeds; s++) {
            for (String algorithm : algorithms) {
                StudyConfig c = ConfigReader.fromJson(ConfigReader.toJson(base), "the bench's config");
                c.seed = firstSeed + s;
                c.algorithm = algorithm;
                c.study = "bench-" + stamp + "-" + algorithm + "-s" + c.seed;
                c.budget.maxTrials = trials;
                StudySettings probe = StudyConfigMapper.toSettings(c);
                // Enough generations for the budget even when the algorithm proposes repeats.
                c.generations =
                        Math.max(probe.generations(), 4 * (int) Math.ceil(trials / (double) probe.populationSize()));
                StudySettings settings = StudyConfigMapper.toSettings(c);
                out.printf("[run %d/%d] %s, seed %d: study %s%n", runs.size() + 1, total, algorithm, c.seed, c.study);
                out.flush();
                StudyResult result = new Study(
                                settings,
                                DatasetFactory.create(c.dataset, StudyConfigMapper.domain(c), settings.seed()),
                                ConfigReader.toJson(c))
                        .run(new GenerationLines(out));
                HypervolumeHistory history = HypervolumeHistory.of(new RunFolderReader(result.folder()).read());
                runs.add(new Run(algorithm, c.seed, result, history));
            }
        }
        return runs;
    }

    /** Prints hypervolume against trials and against CO2e, medians over seeds, and writes a CSV. */
    public static void report(List<Run> runs, List<String> algorithms, int trials, Path csv, PrintWriter out) {
        out.println();
        out.printf(
                Locale.ROOT,
                "%-44s %7s %10s %10s %10s %9s%n",
                "study",
                "trials",
                "train gCO2e",
                "HV@" + trials,
                "HV final",
                "overhead");
        for (Run r : runs) {
            var last = r.history().points().isEmpty()
                    ? null
                    : r.history().points().get(r.history().points().size() - 1);
            out.printf(
                    Locale.ROOT,
                    "%-44s %7d %10.4g %10.4f %10.4f %8.2f%%%n",
                    r.result().study(),
                    last == null ? 0 : last.trials(),
                    last == null ? 0 : last.kgCo2eSpent() * 1000,
                    r.hypervolumeAt(trials),
                    last == null ? 0 : last.hypervolume(),
                    100 * r.result().overhead().fraction());
        }

        out.println();
        out.println("Hypervolume against trials evaluated: median [min, max] over seeds");
        out.print(String.format(Locale.ROOT, "%-8s", "trials"));
        algorithms.forEach(a -> out.print(String.format(Locale.ROOT, " %-28s", a)));
        out.println();
        for (int n : checkpoints(trials)) {
            out.print(String.format(Locale.ROOT, "%-8d", n));
            for (String a : algorithms) {
                double[] hv = runs.stream()
                        .filter(r -> r.algorithm().equals(a))
                        .mapToDouble(r -> r.hypervolumeAt(n))
                        .toArray();
                out.print(String.format(Locale.ROOT, " %-28s", spread(hv)));
            }
            out.println();
        }

        double maxKg = runs.stream()
                .flatMap(r -> r.history().points().stream())
                .mapToDouble(HypervolumeHistory.Point::kgCo2eSpent)
                .max()
                .orElse(0);
        out.println();
        out.println("Hypervolume reached within a training-CO2e budget: median [min, max] over seeds");
        out.print(String.format(Locale.ROOT, "%-10s", "gCO2e"));
        algorithms.forEach(a -> out.print(String.format(Locale.ROOT, " %-28s", a)));
        out.println();
        for (int i = 1; i <= 6; i++) {
            double kg = maxKg * i / 6;
            out.print(String.format(Locale.ROOT, "%-10.4g", kg * 1000));
            for (String a : algorithms) {
                double[] hv = runs.stream()
                        .filter(r -> r.algorithm().equals(a))
                        .mapToDouble(r -> r.hypervolumeWithin(kg))
                        .toArray();
                out.print(String.format(Locale.ROOT, " %-28s", spread(hv)));
            }
            out.println();
        }

        out.println();
        for (String a : algorithms) {
            double[] hv = runs.stream()
                    .filter(r -> r.algorithm().equals(a))
                    .mapToDouble(r -> r.hypervolumeAt(trials))
                    .toArray();
            out.printf(Locale.ROOT, "Median hypervolume of %s at %d trials: %.4f%n", a, trials, median(hv));
        }
        double[] overhead =
                runs.stream().mapToDouble(r -> r.result().overhead().fraction()).toArray();
        out.printf(
                Locale.ROOT,
                "Scheduling-process overhead: median %.2f%%, max %.2f%% of the search's wall time%n",
                100 * median(overhead),
                100 * Arrays.stream(overhead).max().orElse(0));
        writeCsv(runs, csv);
        out.println("Every run's hypervolume after each trial: " + csv);
        out.flush();
    }

    private static List<Integer> checkpoints(int trials) {
        List<Integer> out = new ArrayList<>();
        int step = Math.max(1, trials / 8);
        for (int n = step; n < trials; n += step) {
            out.add(n);
        }
        out.add(trials);
        return out;
    }

    private static void writeCsv(List<Run> runs, Path csv) {
        StringBuilder b = new StringBuilder("algorithm,seed,study,trials,generation,training_kg_co2e,hypervolume\n");
        for (Run r : runs) {
            for (var p : r.history().points()) {
                b.append(String.format(
                        Locale.ROOT,
                        "%s,%d,%s,%d,%d,%.6g,%.6g%n",
                        r.algorithm(),
                        r.seed(),
                        r.result().study(),
                        p.trials(),
                        p.generation(),
                        p.kgCo2eSpent(),
                        p.hypervolume()));
            }
        }
        try {
            Files.createDirectories(csv.toAbsolutePath().getParent());
            Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + csv, e);
        }
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String spread(double[] values) {
        if (values.length == 0) {
            return "-";
        }
        return String.format(
                Locale.ROOT,
                "%.4f [%.4f, %.4f]",
                median(values),
                Arrays.stream(values).min().getAsDouble(),
                Arrays.stream(values).max().getAsDouble());
    }

    /** One line per generation, so a long bench shows it is alive without the per-step detail. */
    private record GenerationLines(PrintWriter out) implements SearchProgress {
        @Override
        public void generationFinished(int generation, HypervolumePoint s) {
            out.printf(
                    Locale.ROOT,
                    "    generation %d: %d trials, hypervolume %.4f%n",
                    generation + 1,
                    s.trials(),
                    s.hypervolume());
            out.flush();
        }

        @Override
        public void stopped(String reason) {
            out.println("    stopped: " + reason);
        }
    }
}
