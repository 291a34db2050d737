package io.paretone.evaluators;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.evaluators.cost.GenerationSpeed;
import io.paretone.evaluators.cost.ModelCost;
import io.paretone.evaluators.data.DataSplits;
import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.evaluators.quality.QualityProxy;
import io.paretone.evaluators.quality.QualityScore;
import io.paretone.evaluators.training.BudgetedTrainer;
import io.paretone.evaluators.training.StepListener;
import io.paretone.evaluators.training.TrainingFailedException;
import io.paretone.evaluators.training.TrainingOutcome;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler.GenerationRequest;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.TrainingData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains one candidate and measures it: energy, cost by counting, generation speed and quality. Each candidate gets its own DJL
 * {@link Model}, closed at the end, so nothing of it outlives the evaluation. The same for every
 * domain: data come as {@link DataSplits}, and every per-unit figure divides by the splits'
 * {@link DataSplits#valuesPerUnit() values per unit}.
 */
public final class CandidateEvaluator {
    /** Values per example generated before the timed generation window, so that speed excludes warm-up. */
    static final int WARM_UP_SAMPLES = 16;

    private final EvaluationSettings settings;
    private final DataSplits data;
    private final TrainingData trainingData;
    private final QualityProxy quality;
    /** One trainer for every candidate, so the training data go to the device once. */
    private final BudgetedTrainer trainer = new BudgetedTrainer();

    public CandidateEvaluator(EvaluationSettings settings, DataSplits data, QualityProxy quality) {
        this.settings = settings;
        this.data = data;
        this.trainingData = data.trainingData();
        this.quality = quality;
    }

    /**
     * Trains and samples an architecture once and throws the result away, so that JIT compilation
     * and the engine's first-use costs are not charged to the first real candidate. The study's
     * own footprint still counts this work.
     */
    public void warmUp(Architecture architecture) {
        try {
            evaluate(architecture, 0, StepListener.NONE);
        } catch (TrainingFailedException e) {
            // A warm-up that fails has still warmed up; the real candidates report their own failures.
        }
    }

    /**
     * What an architecture costs by counting (parameters, FLOPs), on a freshly initialised block
     * without training it, so limits can be checked before any energy is spent.
     */
    public ModelCost untrainedCost(Architecture architecture) {
        try (Model model = Model.newInstance("count", settings.device())) {
            Block block = architecture.newBlock();
            model.setBlock(block);
            block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, architecture.inputShapes(1));
            return ModelCost.count(architecture, block, data.valuesPerUnit());
        }
    }

    /**
     * @param seed seeds weight initialisation, batch sampling and generation
     * @throws TrainingFailedException if training or generation fails; the reason says why
     */
    public CandidateMeasurement evaluate(Architecture architecture, long seed, StepListener listener)
            throws TrainingFailedException {
        try {
            return evaluate(architecture, seed, listener, TrainingCheckpoints.NONE);
        } catch (CandidatePrunedException e) {
            throw new IllegalStateException("a candidate without checkpoints cannot be pruned", e);
        }
    }

    /**
     * Trains and measures a candidate, measuring it also at the given checkpoints; a checkpoint's
     * verdict may stop training there.
     *
     * @throws TrainingFailedException if training or generation fails; the reason says why
     * @throws CandidatePrunedException if a checkpoint stopped training; it carries the partial
     *     measurement
     */
    public CandidateMeasurement evaluate(
            Architecture architecture, long seed, StepListener listener, TrainingCheckpoints checkpoints)
            throws TrainingFailedException, CandidatePrunedException {
        DjlRuntime.engine().setRandomSeed((int) seed);
        try (Model model = Model.newInstance("candidate", settings.device())) {
            Block block = architecture.newBlock();
            model.setBlock(block);
            CheckpointedTraining run =
                    new CheckpointedTraining(model, block, architecture, seed, listener, checkpoints);
            TrainingOutcome outcome = trainer.train(model, architecture, trainingData, seed, run);
            EnergyReading training = run.finish();
            if (run.failure != null) {
                throw run.failure;
            }
            if (run.stoppedAt != null) {
                throw new CandidatePrunedException(
                        run.stoppedAt,
                        outcome.steps(),
                        architecture.trainingRecipe().steps(),
                        run.checkpointEnergy);
            }
            return measure(model, block, architecture, outcome, training, seed);
        } catch (ai.djl.engine.EngineException e) {
            throw new TrainingFailedException("the engine failed: " + e.getMessage(), e);
        }
    }

    /** Measures a (fully or partly) trained block: counts, generation speed and energy, quality. */
    private CandidateMeasurement measure(
            Model model,
            Block block,
            Architecture architecture,
            TrainingOutcome outcome,
            EnergyReading training,
            long seed)
            throws TrainingFailedException {
        EnergyMeter meter = settings.meter();
        ModelCost cost = ModelCost.count(architecture, block, data.valuesPerUnit());

        // Warm-up, outside the timed window: the first steps of a fresh model pay for allocations.
        architecture
                .sampler()
                .generate(
                        block,
                        new ParameterStore(model.getNDManager(), false),
                        generationRequest(seed, WARM_UP_SAMPLES));
        EnergyMeter.Window generationWindow = meter.start();
        float[][] clips = architecture
                .sampler()
                .generate(
                        block,
                        new ParameterStore(model.getNDManager(), false),
                        generationRequest(seed, quality.clipSamples()));
        EnergyReading generation = generationWindow.stop();
        checkFinite(clips);
        GenerationSpeed speed = new GenerationSpeed(
                (long) quality.clipCount() * quality.clipSamples(), generation.seconds(), data.valuesPerUnit());

        QualityScore score = architecture.sampler().conditional()
                ? quality.scoreConditional(clips, requestedLabels(seed))
                : quality.score(clips);
        double hours = training.seconds() / 3600;
        return new CandidateMeasurement(
                cost,
                outcome,
                training,
                settings.carbon().kgCo2e(training.joules()),
                settings.carbon()
                        .lacosteKgCo2e(
                                settings.lacoste().devices(), settings.lacoste().pMaxKw(), hours),
                generation,
                (double) quality.clipCount() * quality.clipSamples() / data.valuesPerUnit(),
                score,
                clips,
                speed);
    }

    /**
     * Follows training step by step: passes each step on, and at a checkpoint pauses the training
     * energy window, measures the partial candidate in a window of its own, asks for the verdict
     * and resumes. The training reading is the sum of the training windows only.
     */
    private final class CheckpointedTraining implements StepListener {
        private final Model model;
        private final Block block;
        private final Architecture architecture;
        private final long seed;
        private final StepListener listener;
        private final TrainingCheckpoints checkpoints;
        private final List<Float> losses = new java.util.ArrayList<>();
        private EnergyMeter.Window window;
        private EnergyReading trained;
        private EnergyReading checkpointEnergy;
        private CandidateMeasurement stoppedAt;
        private TrainingFailedException failure;

        CheckpointedTraining(
                Model model,
                Block block,
                Architecture architecture,
                long seed,
                StepListener listener,
                TrainingCheckpoints checkpoints) {
            this.model = model;
            this.block = block;
            this.architecture = architecture;
            this.seed = seed;
            this.listener = listener;
            this.checkpoints = checkpoints;
            this.window = settings.meter().start();
        }

        @Override
        public void onStep(int step, int total, double loss) {
            listener.onStep(step, total, loss);
            losses.add((float) loss);
            if (step == total || !checkpoints.isCheckpoint(step, total)) {
                return;
            }
            trained = sum(trained, window.stop());
            EnergyMeter.Window checkpointWindow = settings.meter().start();
            try {
                float[] soFar = new float[losses.size()];
                for (int i = 0; i < soFar.length; i++) {
                    soFar[i] = losses.get(i);
                }
                CandidateMeasurement partial =
                        measure(model, block, architecture, new TrainingOutcome(soFar), trained, seed);
                if (!checkpoints.shouldContinue(partial, step, total)) {
                    stoppedAt = partial;
                }
            } catch (TrainingFailedException e) {
                failure = e;
            }
            checkpointEnergy = sum(checkpointEnergy, checkpointWindow.stop());
            window = settings.meter().start();
        }

        @Override
        public boolean needsLossAt(int step, int total) {
            return (step < total && checkpoints.isCheckpoint(step, total)) || listener.needsLossAt(step, total);
        }

        @Override
        public boolean stopRequested() {
            return stoppedAt != null || failure != null;
        }

        EnergyReading finish() {
            return sum(trained, window.stop());
        }
    }

    /** Two readings of the same meter as one: energies and times add up, part by part. */
    private static EnergyReading sum(EnergyReading a, EnergyReading b) {
        if (a == null) {
            return b;
        }
        List<EnergyReading> parts = new ArrayList<>();
        if (a.parts().size() == b.parts().size()) {
            for (int i = 0; i < a.parts().size(); i++) {
                parts.add(sum(a.parts().get(i), b.parts().get(i)));
            }
        }
        boolean estimated = parts.isEmpty() ? a.estimated() || b.estimated() : EnergyReading.estimatedWhole(parts);
        return new EnergyReading(
                a.joules() + b.joules(),
                a.seconds() + b.seconds(),
                b.meter(),
                estimated,
                a.method() + " + " + b.method(),
                b.devices(),
                parts);
    }

    /** The judged examples, each for the label of a training example drawn with the candidate's seed. */
    private GenerationRequest generationRequest(long seed, int samples) {
        List<ClipLabel> labels = new ArrayList<>();
        for (int i : labelDraws(seed)) {
            labels.add(trainingData.clips().get(i).label());
        }
        return new GenerationRequest(quality.clipCount(), samples, seed, labels);
    }

    /** The same draws as {@link #generationRequest}, as the dataset names the labels, for a conditional score. */
    private List<Map<String, String>> requestedLabels(long seed) {
        List<Map<String, String>> labels = new ArrayList<>();
        for (int i : labelDraws(seed)) {
            labels.add(data.train().get(i).labels());
        }
        return labels;
    }

    /** Which training examples (in training-split order) lend their labels to the judged examples. */
    private int[] labelDraws(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] draws = new int[quality.clipCount()];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = random.nextInt(trainingData.clips().size());
        }
        return draws;
    }

    /**
     * @throws TrainingFailedException if a generated example holds NaN or an infinity, naming it
     */
    public static void checkFinite(float[][] clips) throws TrainingFailedException {
        for (float[] clip : clips) {
            for (float v : clip) {
                if (!Float.isFinite(v)) {
                    throw new TrainingFailedException("a generated example contains " + v);
                }
            }
        }
    }
}
