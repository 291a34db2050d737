package io.paretone.evaluators.quality;

import ai.djl.Device;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Where the judges live, and the training config that keeps DJL there.
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
