package io.paretone.experiments.report;

import io.paretone.search.SearchProgress;
import io.paretone.search.Trial;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints a study's progress: one line per generation and per candidate, training steps and loss
 * as they go, elapsed time and an estimate of the time left. On a terminal the step line is
 * redrawn in place; elsewhere (logs, CI) a step line is printed every quarter of training.
 */
public final class ConsoleProgress implements SearchProgress {
    private final PrintWriter out;
    private final boolean terminal;
    private final int plannedCandidates;
    private final long start = System.nanoTime();
    private int candidatesDone;
    private int generation;
    private int generations;
    private int index;
    private int candidates;
    private boolean stepLineOpen;

    /** @param plannedCandidates population x generations, for the estimate of time left */
    public ConsoleProgress(PrintWriter out, boolean terminal, int plannedCandidates) {
        this.out = out;
        this.terminal = terminal;
        this.plannedCandidates = plannedCandidates;
    }

    @Override
    public void preparing(String what) {
        out.printf("[%s] %s%n", clock(elapsedSeconds()), what);
    }

    @Override
    public void generationStarted(int generation, int generations, int candidates) {
        this.generation = generation;
        this.generations = generations;
        out.printf("[%s] generation %d/%d: %d candidates%s%n", clock(elapsedSeconds()), generation + 1, generations,
                candidates, generation == 0 ? " (random initial population)" : " (offspring)");
    }

    @Override
    public void candidateStarted(int generation, int index, int candidates, String description) {
        this.index = index;
        this.candidates = candidates;
        out.printf("  candidate %d/%d of generation %d: %s%n", index, candidates, generation + 1, description);
    }

    @Override
    public void trainingStep(int step, int steps, double loss) {
        boolean quarter = step == steps || step % Math.max(1, steps / 4) == 0;
        if (terminal) {
            out.printf("\r    step %d/%d  loss %.4f  %s", step, steps, loss, timing());
            stepLineOpen = true;
            if (step == steps) {
                closeStepLine();
            }
        } else if (quarter) {
            out.printf("    step %d/%d  loss %.4f  %s%n", step, steps, loss, timing());
        }
        out.flush();
    }

    @Override
    public void candidateGenerating() {
        closeStepLine();
    }

    @Override
    public void candidateFinished(Trial trial, boolean cached) {
        closeStepLine();
        candidatesDone++;
        if (cached) {
            out.printf("    already trained as trial %d: not trained again  %s%n", trial.number(), timing());
        } else if (trial.complete()) {
            var m = trial.metrics();
            out.printf(Locale.ROOT, "    trial %d: loss %.3f -> %.3f, %s params, %s FLOPs/s, %.3g gCO2e, %%MOS %.3f  %s%n",
                    trial.number(), m.initialLoss(), m.finalLoss(), Units.count(m.parameters()),
                    Units.count(m.generationFlopsPerSecond()), m.trainingKgCo2e() * 1000, m.percentMos(), timing());
            out.printf(Locale.ROOT, "      cost: %sB weights, %s training FLOPs (fwd+bwd), generation %s samples/s"
                            + " (RTF %.3g), break-even after %.3g s of generated audio%n",
                    Units.count(m.modelBytes()), Units.count(m.trainingFlops()),
                    Units.count(m.generationSamplesPerSecond()), m.realTimeFactor(), m.trainingInferenceRatioSeconds());
        } else {
            out.printf("    trial %d FAILED: %s  %s%n", trial.number(), trial.failure(), timing());
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
    public void generationFinished(int generation, int feasibleFrontSize) {
        out.printf("[%s] generation %d/%d done: %d architectures on the Pareto front so far%n",
                clock(elapsedSeconds()), generation + 1, generations, feasibleFrontSize);
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
            left = ", ~" + clock(perCandidate * (plannedCandidates - candidatesDone)) + " left";
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
