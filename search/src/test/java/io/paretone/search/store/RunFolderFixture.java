package io.paretone.search.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretone.evaluators.audio.WavFiles;
import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.evaluators.quality.QualityScore;
import io.paretone.evaluators.quality.QualityTerm;
import io.paretone.search.pareto.ParetoFront;
import io.paretone.search.trial.Constraints;
import io.paretone.search.trial.Provenance;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.SearchSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a run folder through the real {@link RunFolder} from trials whose objective values a test
 * chooses by hand. For tests of readers and reports only: these are not results of any search.
 */
public final class RunFolderFixture {
    /** A toy two-gene space: the genome of trial n is (layers index n mod 4, width index n / 4). */
    public static final SearchSpace SPACE = new SearchSpace(
            "toy",
            List.of(
                    Gene.ofInts("layers", "layer count", 2, 3, 4, 6),
                    Gene.ofInts("width", "channels per layer", 4, 8, 16, 32, 64)));

    public static final CarbonAccounting CARBON = CarbonAccounting.worldAverage();
    /** The objectives of every fixture, in the order of {@link #complete}'s arguments. */
    public static final List<Objective> OBJECTIVES =
            List.of(Objective.CO2E, Objective.PARAMETERS, Objective.FLOPS, Objective.QUALITY);

    private final RunFolder folder;
    private final String name;
    private final int population;
    private final int generations;
    private final Constraints constraints;
    private final List<Trial> trials = new ArrayList<>();

    private RunFolderFixture(Path parent, String name, int population, int generations, Constraints constraints) {
        this.folder = RunFolder.open(freeFolder(parent, name), OBJECTIVES);
        this.name = name;
        this.population = population;
        this.generations = generations;
        this.constraints = constraints;
        folder.writeStudy(studyJson());
    }

    /** {@code name-yyyyMMdd-HHmmss}, as a search names a new study, with -N when that exists. */
    private static Path freeFolder(Path parent, String name) {
        String stamp =
                java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = parent.resolve(name + "-" + stamp);
        for (int i = 2; java.nio.file.Files.exists(dir); i++) {
            dir = parent.resolve(name + "-" + stamp + "-" + i);
        }
        return dir;
    }

    public static RunFolderFixture create(Path parent, String name) {
        return new RunFolderFixture(parent, name, 4, 3, Constraints.NONE);
    }

    public static RunFolderFixture create(Path parent, String name, Constraints constraints) {
        return new RunFolderFixture(parent, name, 4, 3, constraints);
    }

    public Path path() {
        return folder.path();
    }

    /** Appends a completed trial with these objective values; its description is generated. */
    public Trial complete(int generation, double kgCo2e, long parameters, long flopsPerSecond, double oneMinusPmos) {
        return complete(generation, kgCo2e, parameters, flopsPerSecond, oneMinusPmos, null);
    }

    /** As {@link #complete(int, double, long, long, double)}, with a description of the test's choosing. */
    public Trial complete(
            int generation,
            double kgCo2e,
            long parameters,
            long flopsPerSecond,
            double oneMinusPmos,
            String description) {
        int number = trials.size() + 1;
        double joules = kgCo2e / CARBON.kgPerKwh() * 3.6e6;
        double seconds = joules / 20.0;
        TrialMetrics metrics = new TrialMetrics(
                parameters,
                flopsPerSecond,
                1 - oneMinusPmos,
                quality(1 - oneMinusPmos),
                joules,
                kgCo2e,
                CARBON.lacosteKgCo2e(1, 0.02, seconds / 3600),
                seconds,
                1.5,
                30.0,
                80,
                5.5,
                4.5,
                "cpu-time",
                true,
                seconds + " s process CPU time x 10.0 W per core",
                parameters * 4,
                flopsPerSecond / 100,
                flopsPerSecond * 3,
                16_000.0,
                0.5,
                120.0,
                45.0,
                CARBON.kgCo2e(45.0),
                "AMD EPYC",
                List.of());
        return add(new Trial(
                number,
                generation,
                genome(number),
                describe(number, description),
                new TrialOutcome(
                        TrialStatus.COMPLETE,
                        null,
                        Map.of(
                                "co2e",
                                kgCo2e,
                                "parameters",
                                (double) parameters,
                                "flops",
                                (double) flopsPerSecond,
                                "one_minus_pmos",
                                oneMinusPmos),
                        metrics,
                        provenance(number),
                        null,
                        0)));
    }

    /** A quality score of one term whose scaled value is {@code percentMos}. */
    private static QualityScore quality(double percentMos) {
        return new QualityScore(
                percentMos,
                percentMos,
                percentMos,
                0.02,
                List.of(new QualityTerm(
                        "logmel_distance", 100 - 90 * percentMos, 10, 1, 100, percentMos, percentMos, true)),
                16,
                0,
                2.0,
                1.0);
    }

    /** Appends a failed trial with this reason. */
    public Trial failed(int generation, String reason) {
        int number = trials.size() + 1;
        return add(new Trial(
                number,
                generation,
                genome(number),
                describe(number, null),
                new TrialOutcome(TrialStatus.FAILED, reason, Map.of(), null, provenance(number), null, 0)));
    }

    /** Saves trial {@code number}'s sample as a worker does: 0.1 s of a 440 Hz tone at 8 kHz in samples/trial-NNNN.wav. */
    public Path saveToneSample(int number) throws IOException {
        float[] tone = new float[800];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        Path file = Files.createDirectories(path().resolve("samples")).resolve(String.format("trial-%04d.wav", number));
        WavFiles.write(file, tone, 8000);
        return file;
    }

    /** Writes the end-of-study files (trials.json, front, summary), as a finished study does. */
    public RunFolderFixture finish() {
        List<Trial> feasible = trials.stream()
                .filter(t -> t.complete() && constraints.respectedBy(t.outcome().metrics()))
                .toList();
        List<Trial> front = ParetoFront.nonDominated(feasible, t -> t.outcome()
                .values(OBJECTIVES.stream().map(Objective::name).toList()));
        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("trials", trials.size());
        summary.put("failed", trials.stream().filter(t -> !t.complete()).count());
        summary.put("front_size", front.size());
        summary.put("candidates_evaluated", population * generations);
        summary.put("study_seconds", 120.0);
        summary.put("study_joules", 2400.0);
        summary.put("study_kg_co2e", CARBON.kgCo2e(2400.0));
        summary.put("study_energy_method", "240 s process CPU time x 10.0 W per core");
        folder.writeResults(trials, front, summary, List.of());
        return this;
    }

    private Trial add(Trial t) {
        trials.add(t);
        folder.append(t);
        return t;
    }

    private static io.paretone.spaces.genome.Genome genome(int number) {
        return SPACE.genome((number - 1) % 4, ((number - 1) / 4) % 5);
    }

    private static String describe(int number, String description) {
        return description != null ? description : "toy model of trial " + number;
    }

    private static Provenance provenance(int number) {
        return new Provenance(
                1000 + number, "cpu()", "fixture", "0123abcd", "dev", "0.36.0", "17.0.15", "Linux amd64", "node-1");
    }

    private ObjectNode studyJson() {
        ObjectNode s = new ObjectMapper().createObjectNode();
        s.put("name", name).put("family", "toy").put("seed", 42);
        s.put("population", population).put("generations", generations);
        s.put("device", "cpu()");
        ObjectNode space = s.putObject("space");
        for (Gene g : SPACE.genes()) {
            space.put(g.name(), g.allowedValues());
        }
        s.put("max_parameters", constraints.maxParameters());
        s.put("max_co2e_kg", constraints.maxKgCo2e());
        s.put("carbon_intensity_kg_per_kwh", CARBON.kgPerKwh()).put("pue", CARBON.pue());
        s.put("dataset", "fixture").put("dataset_hash", "0123abcd");
        s.put("objectives", Objective.names(OBJECTIVES));
        return s;
    }
}
