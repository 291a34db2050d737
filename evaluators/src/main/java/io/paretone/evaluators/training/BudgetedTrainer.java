package io.paretone.evaluators.training;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.TrainingPlan;
import io.paretone.spaces.TrainingTask;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a candidate for exactly its step budget with Adam, or fewer steps when the step listener
 * asks to stop.
 *
 * <p>Every step runs in its own {@link NDScope}: DJL frees nothing by itself, and arrays of a step
 * would otherwise live as long as the trainer. Every loss is read and checked; a NaN or infinite
 * loss fails the candidate at once, since DJL would carry on training garbage.
 */
public final class BudgetedTrainer {

    /**
     * Trains {@code model}, whose block must be {@code architecture.newBlock()}, already set.
     *
     * @throws TrainingFailedException on a non-finite loss or an engine error
     */
    public TrainingOutcome train(
            Model model, Architecture architecture, List<float[]> clips, long seed, StepListener listener)
            throws TrainingFailedException {
        TrainingPlan plan = architecture.trainingPlan();
        TrainingTask task = architecture.trainingTask();
        DefaultTrainingConfig config =
                // The loss is computed by the family's TrainingTask; DJL's slot is a placeholder.
                new DefaultTrainingConfig(Loss.l2Loss())
                        .optOptimizer(
                                Optimizer.adam()
                                        .optLearningRateTracker(Tracker.fixed((float) plan.learningRate()))
                                        .build());
        SplittableRandom random = new SplittableRandom(seed);
        float[] losses = new float[plan.steps()];
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(architecture.inputShapes(plan.batchSize()));
            for (int step = 0; step < plan.steps(); step++) {
                float loss;
                try (NDScope scope = new NDScope();
                        GradientCollector collector = trainer.newGradientCollector()) {
                    scope.suppressNotUsedWarning();
                    TrainingTask.Batch batch =
                            task.batch(trainer.getManager(), clips, plan.batchSize(), plan.cropLength(), random);
                    NDArray lossArray = task.loss(trainer.forward(batch.inputs()), batch.labels());
                    loss = lossArray.getFloat();
                    if (!Float.isFinite(loss)) {
                        throw new TrainingFailedException(
                                "loss became " + loss + " at step " + (step + 1) + " of " + plan.steps()
                                        + "; the learning rate " + plan.learningRate() + " is likely too high");
                    }
                    collector.backward(lossArray);
                }
                trainer.step();
                losses[step] = loss;
                listener.onStep(step + 1, plan.steps(), loss);
                if (listener.stopRequested()) {
                    return new TrainingOutcome(Arrays.copyOf(losses, step + 1));
                }
            }
        } catch (EngineException | IllegalStateException | IllegalArgumentException e) {
            throw new TrainingFailedException("the engine failed: " + e.getMessage(), e);
        }
        return new TrainingOutcome(losses);
    }
}
