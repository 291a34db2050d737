package io.paretone.spaces.pixelcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.TrainingData;
import io.paretone.spaces.training.Update;

/**
 * Mean cross-entropy, in nats per pixel, of each pixel's quantised level under the softmax the
 * network predicts from the pixels before it. The network sees the quantised image, as it will
 * when sampling.
 */
final class PixelCnnLoss implements Update.Loss {
    private final PixelCnnArchitecture arch;
    private final int batchSize;

    PixelCnnLoss(PixelCnnArchitecture arch, int batchSize) {
        this.arch = arch;
        this.batchSize = batchSize;
    }

    @Override
    public NDArray compute(StepContext context) {
        TrainingData.Crops batch = context.data().crops(batchSize, arch.format().values(), context.random());
        int n = arch.format().values();
        float[] quantised = new float[batchSize * n];
        float[] targets = new float[batchSize * n];
        for (int b = 0; b < batchSize; b++) {
            for (int i = 0; i < n; i++) {
                int level = arch.level(batch.audio()[b][i]);
                targets[b * n + i] = level;
                quantised[b * n + i] = arch.value(level);
            }
        }
        Shape images = arch.format().batch(batchSize);
        NDArray x = context.manager().create(quantised, images);
        NDArray logits = context.forward(context.block(), x); // [B, levels, H, W]
        NDArray logProbabilities = logits.logSoftmax(1).transpose(0, 2, 3, 1); // [B, H, W, levels]
        NDArray target = context.manager().create(targets, new Shape(batchSize, arch.format().height(),
                arch.format().width())).toType(ai.djl.ndarray.types.DataType.INT32, false).oneHot(arch.levels());
        return logProbabilities.mul(target).sum(new int[] {3}).mean().neg();
    }
}
