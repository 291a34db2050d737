package io.paretone.search.worker;

import ai.djl.Device;
import io.paretone.evaluators.CandidateEvaluator;
import io.paretone.evaluators.CandidateMeasurement;
import io.paretone.evaluators.CandidatePrunedException;
import io.paretone.evaluators.EvaluationSettings;
import io.paretone.evaluators.TrainingCheckpoints;
import io.paretone.evaluators.cost.ModelCost;
import io.paretone.evaluators.data.DataSplits;
import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.DjlDeviceSync;
import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.evaluators.energy.MeterSelection;
import io.paretone.evaluators.energy.MeterSources;
import io.paretone.evaluators.objectives.Objective;
import io.paretone.evaluators.quality.QualityProxy;
import io.paretone.evaluators.training.StepListener;
import io.paretone.evaluators.training.TrainingFailedException;
import io.paretone.search.trial.EnergyPart;
import io.paretone.search.trial.Provenance;
import io.paretone.search.trial.Provenances;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import io.paretone.spaces.runtime.DjlRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of the protocol: sets up from a {@link WorkerSetup}, then trains and measures
 * one candidate per {@link ToWorker.Evaluate}, reporting steps, checkpoints and the outcome. A
 * candidate's failure (NaN loss, engine error, anything thrown) is reported as a FAILED trial and
 * the worker carries on; only the process dying ends it, which the scheduler sees and handles.
 */
public final class TrialWorker {
    private static final Logger LOG = LoggerFactory.getLogger(TrialWorker.class);

    /** Where messages for the worker come from; null at the end of input. */
    @FunctionalInterface
    public interface Inbox {
        ToWorker next() throws InterruptedException;
    }

    private final Function<Genome, Architecture> decoder;
    private EnergyMeter meter;
    private CarbonAccounting carbon;
    private SearchSpace space;
    private CandidateEvaluator evaluator;
    private Provenance provenance;
    private WorkerSetup setup;
    private DataSplits data;
    private double workerJoules;

    /** @param decoder turns a genome of the study's mixed space into an architecture */
    public TrialWorker(Function<Genome, Architecture> decoder) {
        this.decoder = decoder;
    }

    /** Serves until a {@link ToWorker.Shutdown} or the end of input. */
    public void serve(Inbox in, Consumer<FromWorker> out) throws InterruptedException {
        ToWorker first = in.next();
        if (!(first instanceof ToWorker.Setup s)) {
            out.accept(new FromWorker.SetupFailed("expected a setup message first, got " + first, false));
            return;
        }
        try {
            out.accept(prepare(s.setup()));
        } catch (InvalidValueException e) {
            LOG.info("worker set-up rejected", e);
            out.accept(new FromWorker.SetupFailed(e.getMessage(), true));
            return;
        } catch (IOException | RuntimeException e) {
            LOG.error("worker set-up failed", e);
            out.accept(new FromWorker.SetupFailed(e.toString(), false));
            return;
        }
        for (ToWorker m = in.next(); m != null && !(m instanceof ToWorker.Shutdown); m = in.next()) {
            if (m instanceof ToWorker.Evaluate e) {
                out.accept(evaluate(e, in, out));
            } else {
                LOG.warn("ignored out-of-place message {}", m);
            }
        }
    }

    private FromWorker.Ready prepare(WorkerSetup s) throws IOException {
        this.setup = s;
        Device device = DjlRuntime.device(s.device());
        MeterSelection energy =
                MeterSelection.choose(s.energy().settings(), device, MeterSources.local(DjlDeviceSync.of(device)));
        meter = energy.meter();
        carbon = s.energy().carbon();
        EnergyMeter.Window window = meter.start();
        space = ModelFamilies.space(s.families());
        data = StudyDataFile.read(Path.of(s.dataFile()), s.datasetHash());
        QualityProxy proxy = QualityProxies.calibrate(
                s.qualityProxy(), data, s.qualityClips(), s.qualityClipSamples(), s.studySeed(), Path.of(s.cacheDir()));
        evaluator =
                new CandidateEvaluator(new EvaluationSettings(device, meter, carbon, energy.lacoste()), data, proxy);
        if (s.warmUp()) {
            for (Genome smallest : ModelFamilies.smallestPerFamily(space)) {
                evaluator.warmUp(decoder.apply(smallest));
            }
        }
        provenance = Provenances.of(device, data);
        EnergyReading setUp = window.stop();
        workerJoules = setUp.joules();
        return new FromWorker.Ready(
                ProcessHandle.current().pid(),
                device.toString(),
                meter.name(),
                energy.describe(),
                proxy.name(),
                proxy.description(),
                QualityProxies.fingerprint(proxy, data.valuesPerUnit()),
                EnergyPart.partsOf(setUp));
    }

    private FromWorker.Finished evaluate(ToWorker.Evaluate e, Inbox in, Consumer<FromWorker> out) {
        EnergyMeter.Window window = meter.start();
        Provenance prov = provenance.withSeed(e.seed());
        Map<String, Double> known = new LinkedHashMap<>();
        try {
            // Only the genome's text crosses the process boundary, so this process decodes it once
            // more: one decode per process (the scheduling side has its own, in CandidateDecoder).
            Architecture architecture = decoder.apply(space.parse(e.genome()));
            ModelCost cost = evaluator.untrainedCost(architecture);
            known.put(Objective.PARAMETERS.name(), (double) cost.parameters());
            known.put(Objective.FLOPS.name(), (double) cost.generationFlopsPerUnit());
            String rejection = rejection(e, cost);
            if (rejection != null) {
                return finished(e, window, TrialStatus.FAILED, rejection, known, null, prov, null);
            }
            Steps steps = new Steps(e, in, out, carbon);
            CandidateMeasurement m = evaluator.evaluate(architecture, e.seed(), steps, steps);
            saveSample(e.trial(), m.clips()[0]);
            return finished(
                    e, window, TrialStatus.COMPLETE, null, objectives(m), TrialMetrics.of(m, carbon), prov, null);
        } catch (CandidatePrunedException p) {
            return finished(
                    e,
                    window,
                    TrialStatus.PRUNED,
                    p.getMessage(),
                    objectives(p.partial()),
                    TrialMetrics.of(p.partial(), carbon),
                    prov,
                    new Trial.Pruning(p.step(), p.plannedSteps(), p.joulesSaved()));
        } catch (TrainingFailedException f) {
            LOG.warn("trial {} failed: {}", e.trial(), f.getMessage(), f);
            return finished(e, window, TrialStatus.FAILED, f.getMessage(), known, null, prov, null);
        } catch (RuntimeException x) {
            // One candidate's unexpected error must not end a worker that a search relies on.
            LOG.error("trial {} failed with an internal error", e.trial(), x);
            return finished(e, window, TrialStatus.FAILED, "internal error: " + x, known, null, prov, null);
        }
    }

    private String rejection(ToWorker.Evaluate e, ModelCost cost) {
        if (e.maxParameters() > 0 && cost.parameters() > e.maxParameters()) {
            return String.format(
                    Locale.ROOT,
                    "not trained: %d parameters exceed max_parameters %d",
                    cost.parameters(),
                    e.maxParameters());
        }
        if (e.maxFlops() > 0 && cost.generationFlopsPerUnit() > e.maxFlops()) {
            return String.format(
                    Locale.ROOT,
                    "not trained: %d FLOPs per generated %s exceed max_flops %.0f",
                    cost.generationFlopsPerUnit(),
                    data.domain().unit(),
                    e.maxFlops());
        }
        return null;
    }

    private FromWorker.Finished finished(
            ToWorker.Evaluate e,
            EnergyMeter.Window window,
            TrialStatus status,
            String reason,
            Map<String, Double> objectives,
            TrialMetrics metrics,
            Provenance prov,
            Trial.Pruning pruning) {
        double joules = window.stop().joules();
        workerJoules += joules;
        return new FromWorker.Finished(
                e.trial(), new TrialOutcome(status, reason, objectives, metrics, prov, pruning, joules), workerJoules);
    }

    private static Map<String, Double> objectives(CandidateMeasurement m) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Objective o : Objective.ALL) {
            out.put(o.name(), o.value(m));
        }
        return out;
    }

    private void saveSample(int trial, float[] clip) {
        if (setup.samplesDir() == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(setup.samplesDir()));
            data.writeSample(dir.resolve(String.format("trial-%04d.%s", trial, data.sampleExtension())), clip);
        } catch (IOException x) {
            LOG.warn("could not save a sample of trial {}", trial, x);
        }
    }

    /**
     * Reports steps (the first, the last, every twentieth of training and at most every half
     * second otherwise, so that long trainings do not flood the scheduler), and at checkpoints asks
     * the scheduler whether to go on.
     */
    private static final class Steps implements StepListener, TrainingCheckpoints {
        private static final long REPORT_NANOS = 500_000_000L;
        private final ToWorker.Evaluate request;
        private final Inbox in;
        private final Consumer<FromWorker> out;
        private final CarbonAccounting carbon;
        private long lastReport;

        Steps(ToWorker.Evaluate request, Inbox in, Consumer<FromWorker> out, CarbonAccounting carbon) {
            this.request = request;
            this.in = in;
            this.out = out;
            this.carbon = carbon;
        }

        @Override
        public boolean needsLossAt(int step, int total) {
            return due(step, total, System.nanoTime());
        }

        private boolean due(int step, int total, long now) {
            return step == 1 || step == total || step % Math.max(1, total / 20) == 0 || now - lastReport > REPORT_NANOS;
        }

        @Override
        public void onStep(int step, int total, double loss) {
            long now = System.nanoTime();
            if (due(step, total, now)) {
                out.accept(new FromWorker.Step(request.trial(), step, total, loss));
                lastReport = now;
            }
            if (step == total) {
                out.accept(new FromWorker.Generating(request.trial()));
            }
        }

        @Override
        public boolean isCheckpoint(int step, int totalSteps) {
            for (double f : request.checkpoints()) {
                if (step == Math.max(1, (int) Math.round(f * totalSteps))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean shouldContinue(CandidateMeasurement partial, int step, int totalSteps) {
            out.accept(new FromWorker.Checkpoint(
                    request.trial(), step, totalSteps, objectives(partial), TrialMetrics.of(partial, carbon)));
            try {
                ToWorker reply = in.next();
                if (reply instanceof ToWorker.Verdict v && v.trial() == request.trial()) {
                    return v.proceed();
                }
                LOG.warn("expected a verdict on trial {}, got {}; training goes on", request.trial(), reply);
                return true;
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }
}
