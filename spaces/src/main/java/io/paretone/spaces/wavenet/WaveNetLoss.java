package io.paretone.spaces.wavenet;

import ai.djl.ndarray.NDArray;
import io.paretone.spaces.audio.Categorical;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.Update;

/**
 * Next-sample prediction: a crop of n mu-law classes gives inputs 0..n-2 and targets 1..n-1; the
 * loss is the mean cross-entropy over every position. The crop is cut and encoded on the device.
 */
final class WaveNetLoss implements Update.Loss {
    private final int batchSize;
    private final int cropLength;

    WaveNetLoss(int batchSize, int cropLength) {
        this.batchSize = batchSize;
        this.cropLength = cropLength;
    }

    @Override
    public NDArray compute(StepContext context) {
        NDArray classes = context.muLawCrops(batchSize, cropLength); // [B, n]
        NDArray inputs = classes.get(":, 0:" + (cropLength - 1));
        NDArray targets = classes.get(":, 1:" + cropLength);
        NDArray logits = context.forward(context.block(), inputs); // [B, 256, T]
        return Categorical.crossEntropy(logits, targets);
    }
}
