package io.paretone.experiments.report;

import io.paretone.search.SearchProgress;
import io.paretone.search.store.HypervolumePoint;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialStatus;
import io.paretone.spaces.Domain;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints a study's progress: one line per generation and per candidate, training steps and loss
 * as they go, elapsed time and an estimate of the time left, and the hypervolume after each
 * generation. On a terminal the step line is redrawn in place; elsewhere (logs, CI) a step line is
 * printed every quarter of training. With several workers, lines carry their trial's number.
 */
public final class ConsoleProgress implements SearchProgress {
    private final PrintWriter out;
    private final boolean terminal;
    private final int plannedCandidates;
    private final boolean parallel;
    private final Domain domain;
    private final long start = System.nanoTime();
    private int candidatesDone;
    private int generations;
    private boolean stepLineOpen;
    private final java.util.Map<Integer, Integer> quarters = new java.util.HashMap<>();

    /**
     * @param plannedCandidates the trials the budget allows, for the estimate of time left
     * @param parallel several workers: tag lines with their trial
     * @param domain the study's domain, whose generated unit per-unit figures count in
     */
    public ConsoleProgress(PrintWriter out, boolean terminal, int plannedCandidates, boolean parallel, Domain domain) {
        this.out = out;
        this.domain = domain;
        this.terminal = terminal && !parallel;
        this.plannedCandidates = plannedCandidates;
        this.parallel = parallel;
    }

    @Override
    public void preparing(String what) {
        out.printf("[%s] %s%n", clock(elapsedSeconds()), what);
    }

    @Override
    public void resumed(String study, int finished, int requeued) {
        out.printf(
                "[%s] resuming study %s: %d trials already finished are kept%s%n",
                clock(elapsedSeconds()),
                study,
                finished,
                requeued == 0 ? "" : ", " + requeued + " left running by a stopped process are queued again");
    }

    @Override
    public void generationStarted(int generation, int generations, int candidates) {
        this.generations = generations;
        out.printf(
                "[%s] generation %d/%d: %d candidates%s%n",
                clock(elapsedSeconds()),
                generation + 1,
                generations,
                candidates,
                generation == 0 ? " (initial population)" : " (offspring)");
    }

    @Override
    public void candidateStarted(
            int trial, int generation, int index, int candidates, String description, String worker) {
        closeStepLine();
        out.printf(
                "  trial %d (candidate %d/%d of generation %d, %s): %s%n",
                trial, index, candidates, generation + 1, worker, description);
    }

    @Override
    public void trainingStep(int trial, int step, int steps, double loss) {
        // Workers report a sample of steps; print on reaching each quarter of training.
        int reached = 4 * step / steps;
        boolean quarter = reached > quarters.getOrDefault(trial, 0);
        if (quarter) {
            quarters.put(trial, reached);
        }
        String tag = parallel ? "[trial " + trial + "] " : "";
        if (terminal) {
            out.printf(Locale.ROOT, "\r    %sstep %d/%d  loss %.4f  %s", tag, step, steps, loss, timing());
            stepLineOpen = true;
            if (step == steps) {
                closeStepLine();
            }
        } else if (quarter) {
            out.printf(Locale.ROOT, "    %sstep %d/%d  loss %.4f  %s%n", tag, step, steps, loss, timing());
        }
        out.flush();
    }

    @Override
    public void candidateGenerating(int trial) {
        closeStepLine();
    }

    @Override
    public void candidateFinished(Trial trial, boolean cached) {
        closeStepLine();
        if (cached) {
            out.printf(
                    "    already evaluated as trial %d (%s): not trained again%n",
                    trial.number(), trial.status().name().toLowerCase(Locale.ROOT));
            out.flush();
            return;
        }
        candidatesDone++;
        if (trial.status() == TrialStatus.COMPLETE) {
            var m = trial.outcome().metrics();
            out.printf(
                    Locale.ROOT,
                    "    trial %d: loss %.3f -> %.3f, %s params, %s FLOPs/%s, %.3g gCO2e, %%MOS %.3f%s  %s%n",
                    trial.number(),
                    m.initialLoss(),
                    m.finalLoss(),
                    Units.count(m.parameters()),
                    Units.count(m.generationFlopsPerUnit()),
                    domain.shortUnit(),
                    m.trainingKgCo2e() * 1000,
                    m.percentMos(),
                    m.quality() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT, " (1-%%MOS %.3f)", m.quality().oneMinusPercentMos()),
                    timing());
            out.printf(
                    Locale.ROOT,
                    "      cost: %sB weights, %s training FLOPs (fwd+bwd), generation %s %s/s"
                            + " (%.3g s per %s), break-even after %.3g %s generated%n",
                    Units.count(m.modelBytes()),
                    Units.count(m.trainingFlops()),
                    Units.count(m.generationValuesPerSecond()),
                    domain.valueWords(),
                    m.secondsPerUnit(),
                    domain.unit(),
                    m.trainingInferenceRatioUnits(),
                    domain.units());
        } else if (trial.status() == TrialStatus.PRUNED) {
            out.printf(
                    Locale.ROOT,
                    "    trial %d PRUNED: %s; ~%.3g J of training saved  %s%n",
                    trial.number(),
                    trial.outcome().reason(),
                    trial.outcome().pruning().joulesSaved(),
                    timing());
        } else {
            out.printf(
                    "    trial %d FAILED: %s  %s%n",
                    trial.number(), trial.outcome().reason(), timing());
        }
        out.flush();
    }

    @Override
    public void candidateSkipped(int generation, int index, int candidates, String description, String reason) {
        closeStepLine();
        out.printf("  candidate %d/%d of generation %d not trained: %s%n", index, candidates, generation + 1, reason);
        out.flush();
    }

    @Override
    public void generationFinished(int generation, HypervolumePoint s) {
        out.printf(
                Locale.ROOT,
                "[%s] generation %d/%d done: %d trials, %.3g gCO2e spent, hypervolume %.4f,"
                        + " %d architectures on the Pareto front%n",
                clock(elapsedSeconds()),
                generation + 1,
                generations,
                s.trials(),
                s.kgCo2e() * 1000,
                s.hypervolume(),
                s.frontSize());
    }

    @Override
    public void stopped(String reason) {
        out.printf("[%s] search stopped: %s%n", clock(elapsedSeconds()), reason);
    }

    private void closeStepLine() {
        if (stepLineOpen) {
            out.println();
            stepLineOpen = false;
        }
    }

    private String timing() {
        double elapsed = elapsedSeconds();
        String left = "";
        if (candidatesDone > 0 && plannedCandidates > candidatesDone) {
            double perCandidate = elapsed / candidatesDone;
            left = ", ~" + clock(perCandidate * (plannedCandidates - candidatesDone)) + " left at most";
        }
        return "(" + clock(elapsed) + " elapsed" + left + ")";
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    static String clock(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return d.toHours() > 0
                ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%02d:%02d", d.toMinutesPart(), d.toSecondsPart());
    }
}
