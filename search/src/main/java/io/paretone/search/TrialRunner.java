package io.paretone.search;

import io.paretone.evaluators.CandidateEvaluator;
import io.paretone.evaluators.CandidateMeasurement;
import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.training.TrainingFailedException;
import io.paretone.search.footprint.CarbonBudget;
import io.paretone.search.footprint.SearchFootprint;
import io.paretone.search.nsga.ArchitectureProblem;
import io.paretone.search.nsga.GenerationListener;
import io.paretone.search.pareto.ParetoFront;
import io.paretone.search.store.RunFolder;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.ModelFamilies;
import io.paretone.spaces.genome.Genome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

/**
 * Turns a solution into a trial: decodes it, trains and measures it once, records it, and writes
 * its objectives and constraints back. NSGA-II proposes many duplicates, and different genomes can
 * decode to the same network (a dilation cycle longer than the stack changes nothing), so trials
 * are keyed by the decoded architecture: a second encounter reuses the first trial. A candidate that
 * fails is a FAILED trial with its reason, violating the "trained" constraint so it ranks below
 * every feasible one; the study goes on. Every candidate trained (or failed) is charged to the
 * search's footprint; once the carbon budget is reached, new candidates are not trained.
 */
final class TrialRunner implements GenerationListener {
    /** Objective value of failed or untrained candidates: worse than any real one. */
    static final double WORST = Double.MAX_VALUE;
    private static final Logger LOG = LoggerFactory.getLogger(TrialRunner.class);

    private final StudySettings settings;
    private final CandidateEvaluator evaluator;
    private final RunFolder folder;
    private final SearchProgress progress;
    private final Provenance provenance;
    private final int sampleRate;
    private final Map<String, Trial> byArchitecture = new LinkedHashMap<>();
    private final List<Trial> trials = new ArrayList<>();
    private int generation;
    private int indexInGeneration;
    private int generationSize;
    private ArchitectureProblem problem;
    private SearchFootprint footprint;
    private CarbonBudget budget = CarbonBudget.unlimited();
    private int notTrained;

    TrialRunner(
            StudySettings settings,
            CandidateEvaluator evaluator,
            RunFolder folder,
            SearchProgress progress,
            Provenance provenance,
            int sampleRate) {
        this.sampleRate = sampleRate;
        this.settings = settings;
        this.evaluator = evaluator;
        this.folder = folder;
        this.progress = progress;
        this.provenance = provenance;
    }

    void attach(ArchitectureProblem problem) {
        this.problem = problem;
    }

    /** Charges every candidate's energy to {@code footprint}, and trains none once {@code budget} is reached. */
    void chargeTo(SearchFootprint footprint, CarbonBudget budget) {
        this.footprint = footprint;
        this.budget = budget;
    }

    /** Candidates proposed after the carbon budget was reached, and so not trained. */
    int notTrained() {
        return notTrained;
    }

    List<Trial> trials() {
        return List.copyOf(trials);
    }

    @Override
    public void generationStarted(int generation, int candidates) {
        this.generation = generation;
        this.indexInGeneration = 0;
        this.generationSize = candidates;
        progress.generationStarted(generation, settings.generations(), candidates);
    }

    @Override
    public void generationFinished(int generation) {
        int front = ParetoFront.nonDominated(trials.stream().filter(this::feasible).toList(), Trial::objectives).size();
        progress.generationFinished(generation, front);
    }

    boolean feasible(Trial t) {
        return t.complete()
                && settings.constraints().parameterSlack(t.metrics().parameters()) >= 0
                && settings.constraints().co2eSlack(t.metrics().trainingKgCo2e()) >= 0;
    }

    IntegerSolution evaluate(IntegerSolution solution) {
        indexInGeneration++;
        Genome genome = problem.genome(solution);
        Architecture architecture = ModelFamilies.decode(genome);
        String key = architecture.describe();
        Trial trial = byArchitecture.get(key);
        boolean cached = trial != null;
        if (!cached) {
            if (budget.reached()) {
                notTrained++;
                progress.candidateSkipped(generation, indexInGeneration, generationSize, key, String.format(Locale.ROOT,
                        "the carbon budget of %.4g kgCO2e is reached (%.4g kg measured)", budget.kg(), budget.reachedAtKg()));
                markUntrained(solution);
                return solution;
            }
            EnergyMeter.Window window = footprint == null ? null : footprint.candidateStarted();
            trial = run(genome, architecture);
            if (window != null) {
                footprint.charge(trial.number(), trial.status().name(), window);
            }
            byArchitecture.put(key, trial);
            trials.add(trial);
            folder.append(trial);
        } else {
            progress.candidateStarted(generation, indexInGeneration, generationSize, trial.description());
        }
        progress.candidateFinished(trial, cached);
        write(trial, solution);
        return solution;
    }

    private Trial run(Genome genome, Architecture architecture) {
        int number = trials.size() + 1;
        String description = architecture.describe();
        long seed = candidateSeed(description);
        progress.candidateStarted(generation, indexInGeneration, generationSize, description);
        Provenance prov = provenance.withSeed(seed);
        try {
            long parameters = evaluator.parametersOf(architecture);
            if (settings.constraints().parameterSlack(parameters) < 0) {
                return failed(number, genome, description, prov, String.format(
                        "not trained: %d parameters exceed max_parameters %d", parameters, settings.constraints().maxParameters()));
            }
            CandidateMeasurement m = evaluator.evaluate(architecture, seed, progress::trainingStep);
            progress.candidateGenerating();
            folder.writeSample(number, m.clips()[0], sampleRate);
            double[] objectives = settings.objectives().stream().mapToDouble(o -> o.value(m)).toArray();
            return new Trial(number, generation, genome, description, TrialStatus.COMPLETE, objectives, null, metrics(m), prov);
        } catch (TrainingFailedException e) {
            LOG.warn("trial {} failed: {}", number, e.getMessage(), e);
            return failed(number, genome, description, prov, e.getMessage());
        } catch (RuntimeException e) {
            // An unexpected error in one candidate must not end a study that may have run for hours.
            LOG.error("trial {} failed with an internal error", number, e);
            return failed(number, genome, description, prov, "internal error: " + e);
        }
    }

    private Trial failed(int number, Genome genome, String description, Provenance prov, String reason) {
        return new Trial(number, generation, genome, description, TrialStatus.FAILED, new double[0], reason, null, prov);
    }

    private TrialMetrics metrics(CandidateMeasurement m) {
        return new TrialMetrics(
                m.cost().parameters(),
                m.cost().generationFlopsPerSecond(),
                m.quality().percentMos(),
                m.quality(),
                m.training().joules(),
                m.trainingKgCo2e(),
                m.lacosteKgCo2e(),
                m.training().seconds(),
                m.generation().seconds(),
                m.generationJoulesPerSecond(),
                m.outcome().steps(),
                m.outcome().initialLoss(),
                m.outcome().finalLoss(),
                m.training().meter(),
                m.training().estimated(),
                m.training().method(),
                m.cost().modelBytes(),
                m.cost().forwardFlopsPerTrainingExample(),
                m.cost().trainingFlops(),
                m.speed().samplesPerSecond(),
                m.speed().realTimeFactor(),
                m.trainingInferenceRatioSeconds(),
                m.generation().joules(),
                settings.carbon().kgCo2e(m.generation().joules()),
                m.training().describeDevices());
    }

    private void write(Trial trial, IntegerSolution solution) {
        double[] objectives = solution.objectives();
        double[] constraints = solution.constraints();
        Arrays.fill(constraints, 0);
        if (trial.complete()) {
            System.arraycopy(trial.objectives(), 0, objectives, 0, objectives.length);
            constraints[Constraints.PARAMETERS] = settings.constraints().parameterSlack(trial.metrics().parameters());
            constraints[Constraints.CO2E] = settings.constraints().co2eSlack(trial.metrics().trainingKgCo2e());
        } else {
            markUntrained(solution);
        }
    }

    /** Worst on every objective and violating "trained", so it ranks below every feasible candidate. */
    private static void markUntrained(IntegerSolution solution) {
        Arrays.fill(solution.objectives(), WORST);
        Arrays.fill(solution.constraints(), 0);
        solution.constraints()[Constraints.TRAINED] = -1;
    }

    /** A seed that depends only on the study seed and the architecture, not on the order of trials. */
    long candidateSeed(String architecture) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((settings.seed() + "/" + architecture).getBytes(StandardCharsets.UTF_8));
            long s = 0;
            for (int i = 0; i < 4; i++) {
                s = (s << 8) | (d[i] & 0xff);
            }
            return s; // 32 bits: PyTorch's seed setter takes an int
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
