package io.paretone.spaces.wavenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.audio.Categorical;
import io.paretone.spaces.audio.MuLaw;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.TrainingData;
import io.paretone.spaces.training.Update;

/**
 * Next-sample prediction: a crop of n mu-law classes gives inputs 0..n-2 and targets 1..n-1; the
 * loss is the mean cross-entropy over every position.
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
        TrainingData.Crops crops = context.data().crops(batchSize, cropLength, context.random());
        NDArray[] io = nextSampleClasses(context.manager(), crops.audio());
        NDArray logits = context.forward(context.block(), io[0]); // [B, 256, T]
        return Categorical.crossEntropy(logits, io[1]);
    }

    /** Inputs (classes 0..n-2) and targets (classes 1..n-1) of mu-law crops, both {@code [B, n-1]}. */
    static NDArray[] nextSampleClasses(NDManager manager, float[][] audio) {
        int b = audio.length;
        int n = audio[0].length;
        long[] in = new long[b * (n - 1)];
        long[] out = new long[b * (n - 1)];
        for (int i = 0; i < b; i++) {
            int previous = MuLaw.encode(audio[i][0]);
            for (int j = 1; j < n; j++) {
                int current = MuLaw.encode(audio[i][j]);
                in[i * (n - 1) + j - 1] = previous;
                out[i * (n - 1) + j - 1] = current;
                previous = current;
            }
        }
        Shape shape = new Shape(b, n - 1);
        return new NDArray[] {manager.create(in, shape), manager.create(out, shape)};
    }

}
