package io.paretone.search.nsga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

/**
 * The asynchronous NSGA-II against simulated workers: each candidate takes a fixed time that
 * depends on its genome, on a simulated clock, so runs are repeatable and no worker ever idles
 * while a candidate may start.
 */
class AsyncNsgaIITest {
    private static final SearchSpace SPACE = new SearchSpace(
            "toy",
            List.of(
                    Gene.ofInts("a", "a", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
                    Gene.ofInts("b", "b", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
                    Gene.ofInts("c", "c", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)));

    /** Workers on a simulated clock: a started candidate finishes after its duration. */
    private static class SimulatedWorkers implements SteadyEvaluation {
        private record Running(double end, long order, IntegerSolution solution) {}

        final ArchitectureProblem problem;
        final int workers;
        final ToDoubleFunction<Genome> seconds;
        final PriorityQueue<Running> running = new PriorityQueue<>(
                (x, y) -> x.end() != y.end() ? Double.compare(x.end(), y.end()) : Long.compare(x.order(), y.order()));
        final List<String> started = new ArrayList<>();
        final List<String> finished = new ArrayList<>();
        final List<Integer> generationSizes = new ArrayList<>();
        double now;
        double busyWorkerSeconds;
        long order;

        SimulatedWorkers(ArchitectureProblem problem, int workers, ToDoubleFunction<Genome> seconds) {
            this.problem = problem;
            this.workers = workers;
            this.seconds = seconds;
        }

        @Override
        public boolean canStart() {
            return running.size() < workers;
        }

        @Override
        public void start(IntegerSolution s) {
            Genome g = problem.genome(s);
            started.add(g.toString());
            double d = seconds.applyAsDouble(g);
            busyWorkerSeconds += d;
            running.add(new Running(now + d, order++, s));
        }

        @Override
        public IntegerSolution next() {
            Running r = running.poll();
            if (r == null) {
                return null;
            }
            now = r.end();
            Genome g = problem.genome(r.solution());
            finished.add(g.toString());
            IntegerSolution s = r.solution();
            s.objectives()[0] = g.integer("a") + 0.1 * g.integer("c");
            s.objectives()[1] = (9 - g.integer("a")) + g.integer("b") + 0.1 * g.integer("c");
            s.constraints()[0] = g.integer("b") > 5 ? -(g.integer("b") - 5) : 0;
            return s;
        }

        @Override
        public void generationDone(int generation, List<IntegerSolution> done, List<IntegerSolution> population) {
            generationSizes.add(done.size());
        }
    }

    private static SimulatedWorkers run(long seed, int workers, int population, int generations) {
        ArchitectureProblem problem = new ArchitectureProblem(SPACE, 2, 1, s -> s);
        // Larger "a" trains longer: 1 to 10 s, so candidates finish out of the order they started.
        SimulatedWorkers sim = new SimulatedWorkers(problem, workers, g -> 1 + g.integer("a"));
        Set<String> known = new HashSet<>();
        new AsyncNsgaII(population, seed)
                .avoidingDuplicates(known::contains, s -> problem.genome(s).toString())
                .run(
                        problem,
                        new SteadyEvaluation() {
                            @Override
                            public boolean canStart() {
                                return sim.canStart();
                            }

                            @Override
                            public void start(IntegerSolution s) {
                                known.add(problem.genome(s).toString());
                                sim.start(s);
                            }

                            @Override
                            public IntegerSolution next() {
                                return sim.next();
                            }

                            @Override
                            public void generationDone(int g, List<IntegerSolution> done, List<IntegerSolution> pop) {
                                sim.generationDone(g, done, pop);
                            }
                        },
                        status -> false,
                        generations,
                        List.of(),
                        List.of());
        return sim;
    }

    @Test
    void sameSeedWorkersAndTimesGiveTheSameTrialsInTheSameOrder() {
        SimulatedWorkers first = run(11, 4, 8, 5);
        SimulatedWorkers second = run(11, 4, 8, 5);
        SimulatedWorkers otherSeed = run(12, 4, 8, 5);
        assertEquals(first.started, second.started);
        assertEquals(first.finished, second.finished);
        assertNotEquals(first.started, otherSeed.started);
        assertEquals(8 * 5, first.started.size(), "population x generations candidates");
        assertEquals(List.of(8, 8, 8, 8, 8), first.generationSizes, "a generation per population-size finished");
        assertEquals(first.started.size(), new HashSet<>(first.started).size(), "no architecture twice");
    }

    @Test
    void noCandidateStartsOnceTheEvaluationRefusesAndRunningOnesFinish() {
        ArchitectureProblem problem = new ArchitectureProblem(SPACE, 2, 1, s -> s);
        // A trial budget of 10 as the scheduler applies it: no start once finished + running reach it.
        SimulatedWorkers sim = new SimulatedWorkers(problem, 3, g -> 1 + g.integer("a")) {
            @Override
            public boolean canStart() {
                return super.canStart() && finished.size() + running.size() < 10;
            }
        };
        int[] checks = {0};
        new AsyncNsgaII(4, 9).run(problem, sim, status -> checks[0]++ < 0, 5, List.of(), List.of());
        assertEquals(10, sim.started.size());
        assertEquals(10, sim.finished.size(), "the running ones finished");
        assertEquals(List.of(4, 4, 2), sim.generationSizes, "two generations and the part-way third");
        assertEquals(3, checks[0], "the stopping rules heard after each generation and at the end");
    }

    @Test
    void noWorkerIdlesWhileCandidatesRemain() {
        SimulatedWorkers sim = run(5, 4, 8, 6);
        // Workers idle only at the very end, when fewer than four candidates remain: the busy worker-seconds
        // fill all four workers until the last start, so the makespan is at most busy/4 plus the longest trial.
        assertTrue(
                sim.now <= sim.busyWorkerSeconds / 4 + 10,
                sim.now + " s for " + sim.busyWorkerSeconds + " worker-seconds on 4 workers");
    }

    @Test
    void theSteadyStatePopulationConvergesTowardTheFeasibleFront() {
        ArchitectureProblem problem = new ArchitectureProblem(SPACE, 2, 1, s -> s);
        SimulatedWorkers sim = new SimulatedWorkers(problem, 3, g -> 1 + g.integer("c"));
        List<IntegerSolution> last =
                new AsyncNsgaII(20, 3).run(problem, sim, status -> false, 25, List.of(), List.of());
        List<Genome> genomes = last.stream().map(problem::genome).toList();
        assertTrue(genomes.stream().allMatch(g -> g.integer("b") <= 5), "infeasible survivor in " + genomes);
        long onFront = genomes.stream()
                .filter(g -> g.integer("b") == 0 && g.integer("c") == 0)
                .count();
        assertTrue(onFront >= 10, "only " + onFront + " on the front: " + genomes);
    }
}
