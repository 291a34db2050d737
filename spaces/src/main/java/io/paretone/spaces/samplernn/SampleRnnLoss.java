package io.paretone.spaces.samplernn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import io.paretone.spaces.audio.Categorical;
import io.paretone.spaces.audio.MuLaw;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.TrainingData;
import io.paretone.spaces.training.Update;

/** Next-sample cross-entropy over the predicted part of each crop, as for WaveNet. */
final class SampleRnnLoss implements Update.Loss {
    private final SampleRnnArchitecture arch;
    private final int batchSize;

    SampleRnnLoss(SampleRnnArchitecture arch, int batchSize) {
        this.arch = arch;
        this.batchSize = batchSize;
    }

    @Override
    public NDArray compute(StepContext context) {
        int n = arch.cropLength();
        TrainingData.Crops crops = context.data().crops(batchSize, n, context.random());
        long[] classes = new long[batchSize * n];
        float[] values = new float[batchSize * n];
        for (int b = 0; b < batchSize; b++) {
            for (int t = 0; t < n; t++) {
                int c = MuLaw.encode(crops.audio()[b][t]);
                classes[b * n + t] = c;
                values[b * n + t] = MuLaw.decode(c); // the tiers see what generation will feed them
            }
        }
        Shape shape = new Shape(batchSize, n);
        NDArray x = context.manager().create(classes, shape);
        NDArray v = context.manager().create(values, shape);
        NDArray logits = context.block().forward(context.parameters(), new NDList(x, v), true).singletonOrThrow();
        NDArray targets = x.get(":, " + arch.topFrame() + ":");
        return Categorical.crossEntropy(logits, targets);
    }
}
