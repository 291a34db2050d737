package io.paretone.search;

import io.paretone.search.nsga.ArchitectureProblem;
import io.paretone.search.nsga.AsyncNsgaII;
import io.paretone.search.nsga.GenerationEvaluation;
import io.paretone.search.nsga.NsgaII;
import io.paretone.search.nsga.RandomSearch;
import io.paretone.search.nsga.SearchAlgorithm;
import io.paretone.search.nsga.StoppingRules;
import io.paretone.search.store.TrialRow;
import io.paretone.spaces.check.Choices;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

/**
 * The search algorithms a study can run, each declared once: the name users give ({@code algorithm}),
 * what it does in words, and the code it runs. The settings' check, the {@code --algorithm} help, the
 * settings table of docs/configuration.md and {@code paretone bench --algorithms} read this list.
 * Every one evaluates candidates through the same scheduler.
 */
public enum StudyAlgorithm {
    /** Generational NSGA-II: a generation's candidates train together, then the next is bred. */
    NSGA_II(NsgaII.NAME, "generational: a generation trains, then the next is bred from the survivors") {
        @Override
        void run(Parts p) {
            runGenerations(
                    new NsgaII(p.population(), p.seed())
                            .avoidingDuplicates(p.ledger()::evaluated, describer(p.runner())),
                    p);
        }
    },
    /**
     * Steady-state NSGA-II: a new candidate as soon as a worker is free. A resumed study carries
     * on from its stored trials: the finished ones join the population in the order they
     * finished, and the ones left unfinished start first.
     */
    ASYNC_NSGA_II(AsyncNsgaII.NAME, "steady-state: a new candidate as soon as a worker is free") {
        @Override
        void run(Parts p) {
            SteadyTrialRunner steady = new SteadyTrialRunner(p.runner(), p.scheduler(), p.problem(), p.ledger());
            List<IntegerSolution> evaluated = p.stored().stream()
                    .filter(t -> t.outcome().status().finished())
                    .sorted(Comparator.comparing(TrialRow::finishedAt).thenComparing(TrialRow::number))
                    .map(steady::solutionOf)
                    .toList();
            List<IntegerSolution> pending = p.stored().stream()
                    .filter(t -> !t.outcome().status().finished())
                    .map(steady::solutionOf)
                    .toList();
            new AsyncNsgaII(p.population(), p.seed())
                    .avoidingDuplicates(steady::known, describer(p.runner()))
                    .run(p.problem(), steady, p.stopping(), p.generations(), evaluated, pending);
        }
    },
    /** Random sampling of the space, a generation at a time: the baseline. */
    RANDOM(RandomSearch.NAME, "the baseline: random candidates, a generation at a time") {
        @Override
        void run(Parts p) {
            runGenerations(new RandomSearch(p.population(), p.seed()), p);
        }
    };

    /** What an algorithm runs on: the problem, the study's evaluation and bookkeeping, and its sizes. */
    record Parts(
            ArchitectureProblem problem,
            TrialRunner runner,
            TrialScheduler scheduler,
            StudyLedger ledger,
            StoppingRules stopping,
            List<TrialRow> stored,
            int population,
            long seed,
            int generations) {}

    private final String name;
    private final String summary;

    StudyAlgorithm(String name, String summary) {
        this.name = name;
        this.summary = summary;
    }

    /** The name users give. */
    public String id() {
        return name;
    }

    /** What it does, one phrase for users. */
    public String summary() {
        return summary;
    }

    /** Runs the search until a stopping rule is met. */
    abstract void run(Parts parts);

    /** The algorithm of that name, or null for an unknown name. */
    public static StudyAlgorithm named(String name) {
        return Arrays.stream(values())
                .filter(a -> a.name.equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The names users give, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(StudyAlgorithm::id).toList();
    }

    /** The names, in words, for an error message: "a, b or c". */
    public static String choices() {
        return Choices.inWords(names());
    }

    /** Each name with what it does, in words, for help: "a (what a does), b (...) or c (...)". */
    public static String help() {
        return Choices.inWords(Arrays.stream(values())
                .map(a -> a.name + " (" + a.summary + ")")
                .toList());
    }

    private static void runGenerations(SearchAlgorithm algorithm, Parts p) {
        algorithm.run(
                p.problem(), new GenerationEvaluation(p.problem(), p.runner()), p.stopping(), p.runner()::survivors);
    }

    /** An architecture's description, by which duplicates are told apart. */
    private static Function<IntegerSolution, String> describer(TrialRunner runner) {
        return s -> runner.candidate(s).description();
    }
}
