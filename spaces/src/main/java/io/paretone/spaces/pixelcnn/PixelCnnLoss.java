package io.paretone.spaces.pixelcnn;

import ai.djl.ndarray.NDArray;
import io.paretone.spaces.blocks.OneHot;
import io.paretone.spaces.training.SampleCode;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.Update;

/**
 * Mean cross-entropy, in nats per pixel, of each pixel's quantised level under the softmax the
 * network predicts from the pixels before it. The network sees the quantised image, as it will
 * when sampling.
 */
final class PixelCnnLoss implements Update.Loss {
    private final PixelCnnArchitecture arch;
    private final int batchSize;
    private final SampleCode levels;
    private final SampleCode quantised;

    PixelCnnLoss(PixelCnnArchitecture arch, int batchSize) {
        this.arch = arch;
        this.batchSize = batchSize;
        this.levels = new SampleCode("pixel level of " + arch.levels(), x -> arch.level(x));
        this.quantised =
                new SampleCode("pixel quantised to " + arch.levels() + " levels", x -> arch.value(arch.level(x)));
    }

    @Override
    public NDArray compute(StepContext context) {
        NDArray positions = context.cropPositions(batchSize, arch.format().values());
        NDArray x = context.codesAt(positions, quantised).reshape(arch.format().batch(batchSize));
        NDArray logits = context.forward(context.block(), x); // [B, levels, H, W]
        NDArray logProbabilities = logits.logSoftmax(1).transpose(0, 2, 3, 1); // [B, H, W, levels]
        NDArray target = OneHot.of(
                context.classesAt(positions, levels)
                        .reshape(
                                batchSize, arch.format().height(), arch.format().width()),
                arch.levels());
        return logProbabilities.mul(target).sum(new int[] {3}).mean().neg();
    }
}
