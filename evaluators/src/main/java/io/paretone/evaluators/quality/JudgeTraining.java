package io.paretone.evaluators.quality;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Where the judges live, the training config that keeps DJL there, and the training loop both
 * judges run ({@link #fit}); what a batch holds and what the loss is are the domain's.
 *
 * <p>Judges train and judge on the CPU, whatever device the candidates use: every worker of a
 * study must calibrate the same proxy to the same numbers (its fingerprint is compared across
 * workers, which may sit on different devices), and a GPU's convolutions do not round as the
 * CPU's do. A judge is small and judges a few dozen examples per candidate, so this costs little;
 * the generated examples reach it as plain Java arrays.
 */
final class JudgeTraining {
    /** The judges' device. */
    static final Device DEVICE = Device.cpu();

    private JudgeTraining() {}

    /** One training batch: the network's input and the labels the loss compares its logits with. */
    record Batch(NDArray input, NDArray labels) {}

    /** Draws the next training batch, its arrays created in {@code manager}. */
    interface Batches {
        Batch next(NDManager manager);
    }

    /** The loss of a batch, from the network's logits (its second output) and the batch's labels. */
    interface LossOf {
        NDArray of(NDArray logits, NDArray labels);
    }

    /** What to tell the user when the loss of step {@code step} (counted from 0) is not finite. */
    interface Divergence {
        String message(int step, float loss);
    }

    /**
     * Trains a judge's network with Adam at a fixed learning rate, one batch per step. Seeds the
     * engine with {@code seed} before the weights are initialised, so one seed gives one set of
     * weights.
     *
     * @param inputShape the shape of one batch's input, to initialise the weights
     * @return every step's loss
     * @throws IllegalStateException with {@code divergence}'s message if the loss is not finite
     */
    static float[] fit(
            Model model,
            float learningRate,
            Shape inputShape,
            int steps,
            Batches batches,
            LossOf lossOf,
            Divergence divergence) {
        float[] losses = new float[steps];
        try (Trainer trainer = model.newTrainer(config(model.getNDManager().getDevice(), learningRate))) {
            trainer.initialize(inputShape);
            for (int step = 0; step < steps; step++) {
                try (NDManager manager = trainer.getManager().newSubManager()) {
                    Batch batch = batches.next(manager);
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray logits =
                                trainer.forward(new NDList(batch.input())).get(1);
                        NDArray loss = lossOf.of(logits, batch.labels());
                        losses[step] = loss.getFloat();
                        if (!Float.isFinite(losses[step])) {
                            throw new IllegalStateException(divergence.message(step, losses[step]));
                        }
                        collector.backward(loss);
                    }
                    trainer.step();
                }
            }
        }
        return losses;
    }

    /**
     * Softmax cross-entropy and Adam at a fixed learning rate, on {@code device} only: without
     * {@code optDevices}, DJL would train on GPU 0 whenever it sees one, away from the judge's data.
     */
    static DefaultTrainingConfig config(Device device, float learningRate) {
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optDevices(new Device[] {device})
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(learningRate))
                        .build());
    }
}
