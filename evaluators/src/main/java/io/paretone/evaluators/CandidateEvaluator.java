package io.paretone.evaluators;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretone.evaluators.cost.GenerationSpeed;
import io.paretone.evaluators.cost.ModelCost;
import io.paretone.evaluators.cost.ParameterCounter;
import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.evaluators.quality.QualityProxy;
import io.paretone.evaluators.quality.QualityScore;
import io.paretone.evaluators.training.BudgetedTrainer;
import io.paretone.evaluators.training.StepListener;
import io.paretone.evaluators.training.TrainingClips;
import io.paretone.evaluators.training.TrainingFailedException;
import io.paretone.evaluators.training.TrainingOutcome;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.AudioSampler.GenerationRequest;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.TrainingData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains one candidate and measures it: energy, cost by counting, generation speed and quality. Each candidate gets its own DJL
 * {@link Model}, closed at the end, so nothing of it outlives the evaluation.
 */
public final class CandidateEvaluator {
    /** Samples per clip generated before the timed generation window, so that speed excludes warm-up. */
    static final int WARM_UP_SAMPLES = 16;
    private final EvaluationSettings settings;
    private final AudioSplits data;
    private final TrainingData trainingData;
    private final QualityProxy quality;

    public CandidateEvaluator(EvaluationSettings settings, AudioSplits data, QualityProxy quality) {
        this.settings = settings;
        this.data = data;
        this.trainingData = TrainingClips.from(data.train(), data.sampleRate());
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
     * Trainable parameters of an architecture, counted on a freshly initialised block without
     * training it, so limits can be checked before any energy is spent.
     */
    public long parametersOf(Architecture architecture) {
        try (Model model = Model.newInstance("count", settings.device())) {
            Block block = architecture.newBlock();
            model.setBlock(block);
            block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, architecture.inputShapes(1));
            return ParameterCounter.trainable(block);
        }
    }

    /**
     * @param seed seeds weight initialisation, batch sampling and generation
     * @throws TrainingFailedException if training or generation fails; the reason says why
     */
    public CandidateMeasurement evaluate(Architecture architecture, long seed, StepListener listener)
            throws TrainingFailedException {
        DjlRuntime.engine().setRandomSeed((int) seed);
        try (Model model = Model.newInstance("candidate", settings.device())) {
            Block block = architecture.newBlock();
            model.setBlock(block);
            EnergyMeter meter = settings.meter();

            EnergyMeter.Window trainingWindow = meter.start();
            TrainingOutcome outcome = new BudgetedTrainer().train(model, architecture, trainingData, seed, listener);
            EnergyReading training = trainingWindow.stop();

            ModelCost cost = ModelCost.count(architecture, block, data.sampleRate());

            // Warm-up, outside the timed window: the first steps of a fresh model pay for allocations.
            architecture.sampler().generate(block, new ParameterStore(model.getNDManager(), false),
                    generationRequest(seed, WARM_UP_SAMPLES));
            EnergyMeter.Window generationWindow = meter.start();
            float[][] clips =
                    architecture.sampler()
                            .generate(
                                    block,
                                    new ParameterStore(model.getNDManager(), false),
                                    generationRequest(seed, quality.clipSamples()));
            EnergyReading generation = generationWindow.stop();
            checkFinite(clips);
            GenerationSpeed speed = new GenerationSpeed(
                    (long) quality.clipCount() * quality.clipSamples(), generation.seconds(), data.sampleRate());

            QualityScore score = architecture.sampler().conditional()
                    ? quality.scoreConditional(clips, requestedLabels(seed))
                    : quality.score(clips);
            double hours = training.seconds() / 3600;
            return new CandidateMeasurement(
                    cost,
                    outcome,
                    training,
                    settings.carbon().kgCo2e(training.joules()),
                    settings.carbon().lacosteKgCo2e(settings.lacoste().devices(), settings.lacoste().pMaxKw(), hours),
                    generation,
                    (double) quality.clipCount() * quality.clipSamples() / data.sampleRate(),
                    score,
                    clips,
                    speed);
        } catch (ai.djl.engine.EngineException e) {
            throw new TrainingFailedException("the engine failed: " + e.getMessage(), e);
        }
    }

    /** The judged clips, each for the label of a training clip drawn with the candidate's seed. */
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

    /** Which training clips (in training-split order) lend their labels to the judged clips. */
    private int[] labelDraws(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] draws = new int[quality.clipCount()];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = random.nextInt(trainingData.clips().size());
        }
        return draws;
    }

    private static void checkFinite(float[][] clips) throws TrainingFailedException {
        for (float[] clip : clips) {
            for (float v : clip) {
                if (!Float.isFinite(v)) {
                    throw new TrainingFailedException("generated audio contains " + v);
                }
            }
        }
    }
}
